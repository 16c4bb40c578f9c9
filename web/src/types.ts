/** What the preview server sends: the one contract, src/preview/contract.ts, under the names the page uses. */
export type {
  PageEvents as ServerEvents,
  PageFit as Fit,
  PageInventory as Inventory,
  PageInventoryEntry as InventoryEntry,
  PageMessage as Message,
  PagePaceSaved as PaceSaved,
  PageParagraph as Paragraph,
  PageSaveOutcome as SaveOutcome,
  PageStatement as StatementView,
} from '../../src/preview/contract.js';
