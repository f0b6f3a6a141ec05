/**
 * The mark: a white padlock on CloudMC blue, closed when the vault is locked, open when it is
 * unlocked. Shapes in a unit square, rasterised with 4x4 supersampling so that 16 px stays
 * legible. Deterministic: the same size gives the same bytes (test/unit/icons.test.ts).
 */
export type MarkState = 'locked' | 'unlocked';

const BLUE: Rgb = [0x1a, 0x7b, 0xb5];
const WHITE: Rgb = [0xff, 0xff, 0xff];
type Rgb = [number, number, number];

function inRoundedRect(x: number, y: number, x0: number, y0: number, x1: number, y1: number, r: number): boolean {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** The shackle: a half ring on two legs, raised and swung open when unlocked. */
function inShackle(x: number, y: number, state: MarkState): boolean {
  const lift = state === 'unlocked' ? 0.14 : 0;
  const cx = 0.5;
  const cy = 0.38 - lift;
  const [outer, inner] = [0.2, 0.115];
  const d = Math.hypot(x - cx, y - cy);
  if (y <= cy && d <= outer && d >= inner) return true;
  const leftLeg = x >= cx - outer && x <= cx - inner && y >= cy && y <= 0.56;
  // Open: the right leg stops short of the body.
  const rightBottom = state === 'unlocked' ? cy + 0.06 : 0.56;
  const rightLeg = x >= cx + inner && x <= cx + outer && y >= cy && y <= rightBottom;
  return leftLeg || rightLeg;
}

function colourAt(x: number, y: number, state: MarkState): Rgb | null {
  if (!inRoundedRect(x, y, 0.02, 0.02, 0.98, 0.98, 0.22)) return null;
  const keyhole = Math.hypot(x - 0.5, y - 0.66) <= 0.06 || (x >= 0.475 && x <= 0.525 && y >= 0.66 && y <= 0.77);
  if (inRoundedRect(x, y, 0.22, 0.5, 0.78, 0.86, 0.06) && !keyhole) return WHITE;
  if (inShackle(x, y, state)) return WHITE;
  return BLUE;
}

/** RGBA pixels of the mark at `size` x `size`. */
export function renderMark(size: number, state: MarkState): Uint8Array {
  const SS = 4;
  const out = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const c = colourAt((px + (sx + 0.5) / SS) / size, (py + (sy + 0.5) / SS) / size, state);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) out.set([Math.round(r / a), Math.round(g / a), Math.round(b / a), Math.round((255 * a) / (SS * SS))], i);
    }
  }
  return out;
}
