/**
 * What can go wrong between a QR on a page and the otpauth URI it holds. The codes are stable
 * (the UI maps them to its own wording); the messages are plain English, fine to show as is.
 */
import type { Failure } from '../result';

export type QrErrorCode =
  /** The pixels cannot be read: a cross-origin image or canvas taints the canvas. */
  | 'qr-unreadable'
  /** The image was read but holds no QR code jsQR can decode. */
  | 'qr-not-found'
  /** The data URL or the image is too big to decode safely. */
  | 'qr-too-large'
  /** Not an image: a malformed data URL, an undecodable or empty image. */
  | 'qr-bad-image';

export type QrError = Failure<QrErrorCode>;
