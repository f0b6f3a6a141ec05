/** Reading what the user picks, drops or pastes as import sources (DOM only). */
const IMAGE = /^image\/(png|jpeg|gif|webp)$/;

/** A picked or dropped file as an import source: images as data URLs (QR codes), the rest as text. */
export async function fileToSource(file: File): Promise<{ name: string; text?: string; image?: string }> {
  if (IMAGE.test(file.type) || /\.(png|jpe?g|gif|webp)$/i.test(file.name)) {
    const image = await new Promise<string>((resolve, reject) => {
      const r = new FileReader();
      r.onload = () => resolve(String(r.result));
      r.onerror = () => reject(r.error);
      r.readAsDataURL(file);
    });
    return { name: file.name, image };
  }
  return { name: file.name, text: await file.text() };
}

/** Images on the clipboard of a paste event (a screenshot), as files. */
export function imageSourcesOf(data: DataTransfer | null): File[] {
  return [...(data?.items ?? [])]
    .filter((i) => i.kind === 'file' && IMAGE.test(i.type))
    .map((i, n) => {
      const f = i.getAsFile()!;
      return new File([f], f.name && f.name !== 'image.png' ? f.name : `pasted-screenshot-${n + 1}.png`, { type: f.type });
    });
}
