/** A decoded picture, 8 bits a sample: RGB, or RGBA when any pixel is not fully opaque. */
export interface Pixels {
  width: number;
  height: number;
  alpha: boolean;
  data: Uint8Array;
}

/**
 * Averages a large picture into a small one as its pixels arrive, in any order (so an
 * interlaced PNG needs no second pass): each source pixel falls into one target pixel, whose
 * colour is the mean of its sources weighted by their opacity (a transparent pixel's hidden
 * colour must not darken an edge). Integer sums only, so every engine gets the same bytes.
 * Memory is the target's size, never the source's.
 */
export class Box {
  private readonly sums: Float64Array;
  private readonly columnOf: Int32Array;
  private opaque = true;

  constructor(
    readonly sourceWidth: number,
    readonly sourceHeight: number,
    readonly width: number,
    readonly height: number,
  ) {
    this.sums = new Float64Array(width * height * 5);
    this.columnOf = new Int32Array(sourceWidth);
    for (let x = 0; x < sourceWidth; x++) this.columnOf[x] = Math.floor((x * width) / sourceWidth);
  }

  /** Where source row `y`'s pixels are summed: pass it to `add`. */
  rowStart(y: number): number {
    return Math.floor((y * this.height) / this.sourceHeight) * this.width;
  }

  /** One source pixel in row `row` (from `rowStart`), column `x`. */
  add(row: number, x: number, r: number, g: number, b: number, a: number): void {
    const at = (row + this.columnOf[x]!) * 5;
    const s = this.sums;
    if (a !== 255) this.opaque = false;
    s[at] = s[at]! + r * a;
    s[at + 1] = s[at + 1]! + g * a;
    s[at + 2] = s[at + 2]! + b * a;
    s[at + 3] = s[at + 3]! + a;
    s[at + 4] = s[at + 4]! + 1;
  }

  pixels(): Pixels {
    const channels = this.opaque ? 3 : 4;
    const data = new Uint8Array(this.width * this.height * channels);
    const s = this.sums;
    for (let i = 0, o = 0; i < s.length; i += 5, o += channels) {
      const alpha = s[i + 3]!;
      for (let c = 0; c < 3; c++) data[o + c] = alpha === 0 ? 0 : Math.round(s[i + c]! / alpha);
      if (channels === 4) data[o + 3] = s[i + 4] === 0 ? 0 : Math.round(alpha / s[i + 4]!);
    }
    return { width: this.width, height: this.height, alpha: !this.opaque, data };
  }
}
