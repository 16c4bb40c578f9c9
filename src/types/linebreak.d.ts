/** Types of the linebreak package (the Unicode line breaking algorithm, UAX #14), which ships none. */
declare module 'linebreak' {
  /** Finds the places a line may break in a text. */
  export default class LineBreaker {
    constructor(text: string);
    /** The next break opportunity (the position of the text after it), or null at the end. */
    nextBreak(): { position: number; required: boolean } | null;
  }
}
