/** Units and values of WordprocessingML: twips, half-points, colours without `#`, and line spacing as a multiple. */
import { LineRuleType } from './library.js';
import type { FontChoice } from '../model/template.js';

const TWIPS_PER_POINT = 20;

/** Line spacing as a multiple: without the rule said outright, LibreOffice reads it as exact and clips images. */
export const AUTO = LineRuleType.AUTO;
/** Line spacing of at least so many points: the body's lines as tall as the PDF's, taller only where a line needs it. */
export const AT_LEAST = LineRuleType.AT_LEAST;
/** A colour as Word writes it (`1F3A5F`). */
export const hex = (colour: string) => colour.replace('#', '').toUpperCase();
/** Points in half-points (font sizes). */
export const halfPoints = (points: number) => Math.round(points * 2);
/** Points in twentieths of a point (lengths). */
export const twips = (points: number) => Math.round(points * TWIPS_PER_POINT);
/** The family name Word is given for a font. */
export const family = (font: FontChoice) => font.family;
