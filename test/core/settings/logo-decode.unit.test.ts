import { describe, expect, it } from 'vitest';
import { decodePng } from '../../../src/core/settings/logo-png.js';
import { prepareLogo, printPixels, sniffLogo } from '../../../src/core/settings/logo.js';
import { parseSvg, svgWork } from '../../../src/core/settings/logo-svg.js';
import {
  anyPng,
  corruptPng,
  discPng,
  doubleHeaderPng,
  fanOutSvg,
  greyJpeg,
  pictureInSvg,
  pngChunk,
  svg,
  truncatedJpeg,
  type SampleAt,
} from '../../helpers/hostile-logos.js';

const problem = (bytes: Uint8Array) => {
  const result = prepareLogo(bytes);
  return 'problem' in result ? result.problem : '';
};
const same = (w: number, h: number) => ({ width: w, height: h });
/** The PNG inside a prepared logo's data address. */
const embedded = (source: string) => new Uint8Array(Buffer.from(source.replace(/^data:image\/png;base64,/, ''), 'base64'));
const sizeOf = (png: Uint8Array) => ({
  width: new DataView(png.buffer, png.byteOffset).getUint32(16),
  height: new DataView(png.buffer, png.byteOffset).getUint32(20),
});

describe('decoding a PNG logo', () => {
  // Each kind a program may write, with every row filter, against the colours it was made from.
  const kinds: {
    name: string;
    colour: number;
    depth: number;
    interlace?: boolean;
    samples: SampleAt;
    rgba: (x: number, y: number) => number[];
    extra?: Uint8Array[];
  }[] = [
    {
      name: 'RGBA 8-bit',
      colour: 6,
      depth: 8,
      samples: (x, y) => [x * 7, y * 5, (x + y) & 255, (x * y) & 255],
      rgba: (x, y) => [x * 7, y * 5, (x + y) & 255, (x * y) & 255],
    },
    {
      name: 'RGB 16-bit, interlaced',
      colour: 2,
      depth: 16,
      interlace: true,
      samples: (x, y) => [x * 1000, y * 1000, 65535],
      rgba: (x, y) => [(x * 1000) >> 8, (y * 1000) >> 8, 255, 255],
    },
    {
      name: 'grey 2-bit',
      colour: 0,
      depth: 2,
      samples: (x, y) => [(x + y) % 4],
      rgba: (x, y) =>
        Array<number>(3)
          .fill(((x + y) % 4) * 85)
          .concat(255),
    },
    {
      name: 'palette 4-bit with transparency, interlaced',
      colour: 3,
      depth: 4,
      interlace: true,
      samples: (x) => [x % 3],
      extra: [pngChunk('PLTE', [255, 0, 0, 0, 255, 0, 0, 0, 255]), pngChunk('tRNS', [255, 128])],
      rgba: (x) => [
        ...[
          [255, 0, 0],
          [0, 255, 0],
          [0, 0, 255],
        ][x % 3]!,
        [255, 128, 255][x % 3]!,
      ],
    },
    {
      name: 'grey and alpha 8-bit',
      colour: 4,
      depth: 8,
      samples: (x, y) => [x * 9, y * 11],
      rgba: (x, y) => [x * 9, x * 9, x * 9, y * 11],
    },
  ];
  it.each(kinds)('reads $name exactly', ({ colour, depth, interlace, samples, rgba, extra }) => {
    const [width, height] = [23, 19];
    const picture = decodePng(anyPng(width, height, { colour, depth, interlace }, samples, extra), same);
    if ('problem' in picture) throw new Error(picture.problem);
    const channels = picture.alpha ? 4 : 3;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const want = rgba(x, y);
        // A fully transparent pixel keeps no colour.
        const expected = want[3] === 0 ? [0, 0, 0, 0] : want;
        const at = (y * width + x) * channels;
        expect([...picture.data.subarray(at, at + channels)], `(${x}, ${y})`).toEqual(expected.slice(0, channels));
      }
    }
  });

  it('averages a large logo down to the size print needs, weighting colour by opacity', () => {
    const picture = decodePng(discPng(3000, 1000), printPixels);
    if ('problem' in picture) throw new Error(picture.problem);
    // 3000 × 1000 prints 102 × 34 pt: 425 × 142 pixels at 300 dpi.
    expect([picture.width, picture.height]).toEqual([425, 142]);
    expect(printPixels(3000, 1000)).toEqual({ width: 425, height: 142 });
    // The disc's colour stays teal to its anti-aliased edge: transparent black does not darken it.
    const centre = (71 * 425 + 212) * 4;
    expect([...picture.data.subarray(centre, centre + 4)]).toEqual([0x1f, 0x5c, 0x73, 255]);
    for (let i = 0; i < picture.data.length; i += 4) if (picture.data[i + 3]! > 0) expect(picture.data[i]).toBe(0x1f);
  });

  it('never scales a small logo up', () => {
    expect(printPixels(240, 80)).toEqual({ width: 240, height: 80 });
    const logo = prepareLogo(discPng(240, 80));
    if ('problem' in logo) throw new Error(logo.problem);
    expect(sizeOf(embedded(logo.logo.source))).toEqual({ width: 240, height: 80 });
  });
});

describe('hostile and broken logos', () => {
  it('refuses a PNG with a second header that claims 20000 × 20000 pixels', () => {
    expect(problem(doubleHeaderPng())).toBe(
      '--logo: the PNG has two headers (IHDR) that may give two different sizes; save or export it again',
    );
  });

  it('refuses a PNG whose compressed data is damaged, cleanly', () => {
    expect(problem(corruptPng())).toMatch(/^--logo: the PNG is damaged: its image data cannot be read.*; save or export it again$/);
  });

  it('refuses a PNG cut off, or with a bad checksum', () => {
    const good = discPng(64, 64);
    expect(problem(good.subarray(0, good.length - 30))).toMatch(/^--logo: the PNG is cut off/);
    const badSum = good.slice();
    const last = badSum.length - 12 - 4 - 1; // the Adler-32, last in the data
    badSum[last] = badSum[last]! ^ 1;
    expect(problem(badSum)).toMatch(/checksum is wrong/);
  });

  it('refuses a PNG whose data inflates to more than its size says, without inflating it all', () => {
    const bomb = anyPng(16, 16, { colour: 6, depth: 8 }, () => [0, 0, 0, 0]);
    const header = anyPng(16, 16, { colour: 6, depth: 8 }, () => [0, 0, 0, 0]);
    // Swap in the data of a 4000 × 4000 picture: fine to deflate, 64 MB when inflated.
    const big = anyPng(4000, 400, { colour: 6, depth: 8 }, () => [0, 0, 0, 0]);
    const idat = big.subarray(33, big.length - 12);
    const mixed = new Uint8Array([...header.subarray(0, 33), ...idat, ...bomb.subarray(bomb.length - 12)]);
    const started = performance.now();
    expect(problem(mixed)).toMatch(/more data than its size/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refuses a JPEG cut off before its end marker, and takes a whole one as it is', () => {
    expect(problem(truncatedJpeg())).toBe('--logo: the JPEG is cut off (it has no end marker); save or export it again');
    const whole = prepareLogo(greyJpeg(64, 48));
    if ('problem' in whole) throw new Error(whole.problem);
    expect(whole.logo).toMatchObject({ type: 'jpeg', width: 64, height: 48 });
    expect(Buffer.from(whole.logo.source.split(',')[1]!, 'base64')).toEqual(Buffer.from(greyJpeg(64, 48)));
  });

  it('refuses an SVG whose <use> elements fan out, in milliseconds', () => {
    const bytes = fanOutSvg();
    expect(bytes.length).toBeLessThan(2700);
    const started = performance.now();
    expect(problem(bytes)).toBe(
      '--logo: the SVG repeats its parts (<use>) too many times to be drawn; flatten it in a drawing program, or use a PNG',
    );
    expect(performance.now() - started).toBeLessThan(500);
    // Three levels of ten are a thousand elements: fine.
    expect(problem(fanOutSvg(3))).toBe('');
  });

  it('counts references through url(#…) and refuses a loop of them', () => {
    const parsed = parseSvg(new TextDecoder().decode(svg('<clipPath id="c"><rect width="1" height="1" clip-path="url(#c)"/></clipPath>')));
    if ('problem' in parsed) throw new Error(parsed.problem);
    expect(svgWork(parsed.root)).toEqual({ problem: 'the SVG refers to itself in a loop (through "c")' });
  });

  it('refuses nesting deeper than the renderer can recurse, and what is not well-formed', () => {
    expect(problem(svg('<g>'.repeat(300) + '</g>'.repeat(300)))).toMatch(/nests elements \(or references\) more than 200 deep/);
    expect(problem(svg('<g><rect></g>'))).toMatch(/^--logo: the SVG is not well-formed: <\/g> where <\/rect> should close \(line 2\)/);
  });

  it('holds pictures inside an SVG to the same limits, and scales them down', () => {
    expect(problem(pictureInSvg(doubleHeaderPng()))).toBe(
      '--logo: a picture inside the SVG cannot be used: the PNG has two headers (IHDR) that may give two different sizes; save or export it again',
    );
    expect(problem(pictureInSvg(corruptPng()))).toMatch(/^--logo: a picture inside the SVG cannot be used: the PNG is damaged/);
    expect(problem(pictureInSvg(truncatedJpeg(), 'jpeg'))).toMatch(/^--logo: a picture inside the SVG cannot be used: the JPEG is cut off/);
    expect(problem(svg('<image width="10" height="10" href="file:///etc/passwd"/>'))).toMatch(/not inside the file as PNG or JPEG data/);
    const fine = prepareLogo(pictureInSvg(discPng(3000, 1000)));
    if ('problem' in fine) throw new Error(fine.problem);
    const inside = /href="(data:image\/png;base64,[^"]+)"/.exec(fine.logo.source)![1]!;
    expect(sizeOf(embedded(inside))).toEqual({ width: 625, height: 209 });
  });

  it('keeps the cheap sniff cheap: headers only, every IHDR seen', () => {
    expect(sniffLogo(doubleHeaderPng())).toHaveProperty('problem');
    expect(sniffLogo(discPng(240, 80))).toEqual({ logo: { type: 'png', width: 240, height: 80 } });
  });
});
