/** Which icon files exist: the mark at the store and manifest sizes, and the toolbar states. */
import { renderMark, type MarkState } from './mark';
import { encodePng } from './png';

export interface IconFile {
  name: string;
  size: number;
  state: MarkState;
}

export const ICON_FILES: IconFile[] = [
  ...[16, 32, 48, 128].map((size) => ({ name: `${size}.png`, size, state: 'locked' as const })),
  ...[16, 32].map((size) => ({ name: `unlocked-${size}.png`, size, state: 'unlocked' as const })),
];

export function iconBytes(file: IconFile): Buffer {
  return encodePng(file.size, file.size, renderMark(file.size, file.state));
}
