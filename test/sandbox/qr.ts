/**
 * The enrollment QR in the four renderings the extension must cope with (CloudMC does not say
 * which element it uses). The server encodes with the `qrcode` package; the client turns the
 * payload into an <img> (data URL or same-origin URL), a <canvas> it draws itself, or inline <svg>.
 * Scale 4 px per module and a 4-module quiet zone: about 200 px for a CloudMC URI, crisp
 * (no resampling) and comfortably decodable by jsQR.
 */
import QRCode from 'qrcode';

export type QrMode = 'img-data' | 'img-url' | 'canvas' | 'svg' | ThemedQrMode;
/**
 * Themed renderings, drawn by the client from the module matrix (canvas -> toDataURL):
 * coloured = brand-colour modules on a tinted background; logo = error correction H with a logo
 * over the centre; inverted = light modules on a dark card; composite = one wide image (QR,
 * caption, coloured frame) about 4x wider than tall; css-bg = a div whose background-image is the QR.
 */
export type ThemedQrMode = 'coloured' | 'logo' | 'inverted' | 'composite' | 'css-bg';
export const THEMED_QR_MODES: readonly ThemedQrMode[] = ['coloured', 'logo', 'inverted', 'composite', 'css-bg'];
export const QR_MODES: readonly QrMode[] = ['img-data', 'img-url', 'canvas', 'svg', ...THEMED_QR_MODES];

export function isQrMode(v: unknown): v is QrMode {
  return typeof v === 'string' && (QR_MODES as readonly string[]).includes(v);
}

const SCALE = 4;
const MARGIN = 4;
const OPTIONS = { errorCorrectionLevel: 'M', margin: MARGIN, scale: SCALE } as const;

export type QrPayload =
  | { type: 'img-data'; src: string; size: number }
  | { type: 'img-url'; src: string; size: number }
  | { type: 'canvas' | ThemedQrMode; modules: string[]; margin: number; scale: number; size: number }
  | { type: 'svg'; svg: string; size: number };

function pixelSize(uri: string): { count: number; size: number } {
  const count = QRCode.create(uri, { errorCorrectionLevel: OPTIONS.errorCorrectionLevel }).modules.size;
  return { count, size: (count + 2 * MARGIN) * SCALE };
}

/** `pngUrl` is where the img-url variant fetches its image (same origin, session cookie). */
export async function qrPayload(uri: string, mode: QrMode, pngUrl: string): Promise<QrPayload> {
  const { size } = pixelSize(uri);
  switch (mode) {
    case 'img-data':
      return { type: 'img-data', src: await QRCode.toDataURL(uri, OPTIONS), size };
    case 'img-url':
      return { type: 'img-url', src: pngUrl, size };
    case 'svg':
      return { type: 'svg', svg: await QRCode.toString(uri, { ...OPTIONS, type: 'svg', width: size }), size };
    default: {
      // Rows of '0'/'1': compact JSON the client paints module by module (canvas and the themed
      // renderings). The logo hides the centre, so that one is encoded with error correction H.
      const errorCorrectionLevel = mode === 'logo' ? 'H' : OPTIONS.errorCorrectionLevel;
      const m = QRCode.create(uri, { errorCorrectionLevel }).modules;
      const rows: string[] = [];
      for (let y = 0; y < m.size; y++) {
        let row = '';
        for (let x = 0; x < m.size; x++) row += m.get(y, x) ? '1' : '0';
        rows.push(row);
      }
      return { type: mode, modules: rows, margin: MARGIN, scale: SCALE, size: (m.size + 2 * MARGIN) * SCALE };
    }
  }
}

export function qrPng(uri: string): Promise<Buffer> {
  return QRCode.toBuffer(uri, { ...OPTIONS, type: 'png' });
}
