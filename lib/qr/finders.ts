/**
 * Where a QR may sit in a larger image: the boxes around groups of candidate finder patterns
 * (the three 7×7 squares in a QR's corners, seen on a row and on a column as dark-light-dark-
 * light-dark runs in the ratio 1:1:3:1:1). jsQR already looks for them over the whole image,
 * but a wide composite (a caption, a frame, a photo beside the QR) can make its global choice
 * go wrong; decoding a crop around each group gives it a clean view. Both polarities are
 * scanned (light modules on a dark card).
 */
import { luminance, type Pixels } from './pixels';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Finder {
  x: number;
  y: number;
  module: number;
}

/** How far each run may stray from its expected share of the pattern. */
const RATIO_TOLERANCE = 0.5;
/** Finders of one QR: module sizes within this factor, and at most this many modules apart. */
const SAME_MODULE = 1.4;
const MAX_SPAN_MODULES = 60;
/** A finder centre is 3.5 modules inside the QR; keep the 4-module quiet zone around it. */
const BOX_MARGIN_MODULES = 8;
const MAX_BOXES = 6;
const RATIOS = [1, 1, 3, 1, 1];

/** Five runs in the ratio 1:1:3:1:1, as finder patterns are on any line through their centre. */
function finderRuns(runs: number[]): number | null {
  const total = runs.reduce((a, b) => a + b, 0);
  if (total < 7) return null;
  const module = total / 7;
  return runs.every((r, i) => Math.abs(r - RATIOS[i]! * module) <= RATIOS[i]! * module * RATIO_TOLERANCE + 0.5) ? module : null;
}

/** The five runs around (x, y) along a column, centred on the dark middle run; null if not a finder. */
function columnRuns(dark: (x: number, y: number) => boolean, x: number, y: number, height: number, limit: number): number | null {
  const runs = [0, 0, 0, 0, 0];
  /** Walks from `from` by `step` while the colour is `wantDark`; adds the length to runs[index]. */
  const walk = (from: number, step: 1 | -1, wantDark: boolean, index: number, max: number): number => {
    let at = from;
    while (at >= 0 && at < height && dark(x, at) === wantDark && runs[index]! <= max) {
      runs[index] = runs[index]! + 1;
      at += step;
    }
    return at;
  };
  let up = walk(y, -1, true, 2, height);
  up = walk(up, -1, false, 1, limit);
  walk(up, -1, true, 0, limit);
  let down = walk(y + 1, 1, true, 2, height);
  down = walk(down, 1, false, 3, limit);
  walk(down, 1, true, 4, limit);
  return finderRuns(runs);
}

function findFinders(image: Pixels, invert: boolean): Hit[] {
  const { width, height } = image;
  const grey = luminance(image);
  let sum = 0;
  for (const v of grey) sum += v;
  const threshold = sum / grey.length;
  const dark = (x: number, y: number) => (grey[y * width + x]! < threshold) !== invert;
  const found: Finder[] = [];
  for (let y = 0; y < height; y += 2) {
    const runs: number[] = [];
    let current = dark(0, y);
    let length = 0;
    for (let x = 0; x <= width; x++) {
      const d = x < width ? dark(x, y) : !current;
      if (d === current) {
        length++;
        continue;
      }
      runs.push(length);
      current = d;
      length = 1;
      // The last five runs end on a dark run (the current pixel is light): test them.
      if (runs.length >= 5 && !d) {
        const last = runs.slice(-5);
        const module = finderRuns(last);
        if (module) {
          const cx = Math.round(x - last[4]! - last[3]! - last[2]! / 2);
          const vertical = columnRuns(dark, cx, y, height, Math.ceil(module * 4));
          if (vertical && vertical / module < SAME_MODULE && module / vertical < SAME_MODULE) found.push({ x: cx, y, module: (module + vertical) / 2 });
        }
      }
    }
  }
  return merge(found);
}

interface Hit extends Finder {
  /** Rows that confirmed it: a real finder is seen on about 3.5 modules' worth of scanned rows. */
  n: number;
}

/** One finder per pattern: hits within 3 modules of each other are averaged. */
function merge(hits: Finder[]): Hit[] {
  const out: Hit[] = [];
  for (const h of hits) {
    const near = out.find((f) => Math.abs(f.x - h.x) < 3 * f.module && Math.abs(f.y - h.y) < 3 * f.module);
    if (!near) out.push({ ...h, n: 1 });
    else {
      near.x = (near.x * near.n + h.x) / (near.n + 1);
      near.y = (near.y * near.n + h.y) / (near.n + 1);
      near.module = (near.module * near.n + h.module) / (near.n + 1);
      near.n++;
    }
  }
  return out;
}

const similar = (a: Finder, b: Finder): boolean => a.module < b.module * SAME_MODULE && b.module < a.module * SAME_MODULE;

/**
 * Three finders as a QR has them: `corner` with two others at about the same distance (7 to
 * MAX_SPAN_MODULES modules) at about a right angle.
 */
function isCorner(corner: Finder, a: Finder, b: Finder): boolean {
  const [ax, ay, bx, by] = [a.x - corner.x, a.y - corner.y, b.x - corner.x, b.y - corner.y];
  const la = Math.hypot(ax, ay);
  const lb = Math.hypot(bx, by);
  const m = corner.module;
  if (la < 7 * m || lb < 7 * m || la > MAX_SPAN_MODULES * m || lb > MAX_SPAN_MODULES * m) return false;
  const cos = (ax * bx + ay * by) / (la * lb);
  return Math.abs(la - lb) < 0.2 * Math.max(la, lb) && Math.abs(cos) < 0.2;
}

function boxAround(image: Pixels, group: Finder[], marginModules: number): Box {
  const margin = marginModules * group[0]!.module;
  const x0 = Math.max(0, Math.min(...group.map((g) => g.x)) - margin);
  const y0 = Math.max(0, Math.min(...group.map((g) => g.y)) - margin);
  const x1 = Math.min(image.width, Math.max(...group.map((g) => g.x)) + margin);
  const y1 = Math.min(image.height, Math.max(...group.map((g) => g.y)) + margin);
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** Most-confirmed finders kept for the triple search (its cost is cubic). */
const MAX_FINDERS = 40;
/** Lone finders whose surroundings are tried when no triple decodes. */
const LONE_FINDERS = 3;
/** A window around a lone finder: the QR may extend this far from it in any direction. */
const LONE_WINDOW_MODULES = 48;

/**
 * Boxes worth decoding on their own: around each triple of finders laid out as a QR's, then
 * around the best-confirmed lone finders.
 */
export function finderBoxes(image: Pixels): Box[] {
  const finders = [...findFinders(image, false), ...findFinders(image, true)].sort((a, b) => b.n - a.n).slice(0, MAX_FINDERS);
  const boxes: Box[] = [];
  for (const c of finders) {
    for (const a of finders) {
      for (const b of finders) {
        if (boxes.length >= MAX_BOXES) return boxes;
        if (a === c || b === c || a === b || a.x > b.x || !similar(a, c) || !similar(b, c) || !isCorner(c, a, b)) continue;
        const box = boxAround(image, [c, a, b], BOX_MARGIN_MODULES);
        if (!boxes.some((d) => Math.abs(d.x - box.x) < 4 * c.module && Math.abs(d.y - box.y) < 4 * c.module)) boxes.push(box);
      }
    }
  }
  for (const f of finders.slice(0, LONE_FINDERS)) boxes.push(boxAround(image, [f], LONE_WINDOW_MODULES));
  return boxes;
}

/**
 * Overlapping square tiles along the image's long side (a QR beside a caption or a logo), and a
 * 2×2 grid with overlap when both sides are large. The whole image is not among them.
 */
export function tiles(width: number, height: number): Box[] {
  const side = Math.min(width, height);
  const out: Box[] = [];
  if (Math.max(width, height) > side * 1.2) {
    const long = Math.max(width, height);
    const steps = Math.ceil((long - side) / (side / 2));
    for (let i = 0; i <= steps; i++) {
      const at = Math.min(long - side, (i * side) / 2);
      out.push(width >= height ? { x: at, y: 0, width: side, height: side } : { x: 0, y: at, width: side, height: side });
    }
  }
  const half = { width: Math.ceil(width * 0.6), height: Math.ceil(height * 0.6) };
  for (const [fx, fy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) {
    out.push({ x: fx * (width - half.width), y: fy * (height - half.height), ...half });
  }
  return out;
}
