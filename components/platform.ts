/**
 * DOM-only helpers the entrypoints wire into the `Api` (clipboard, downloads). No `browser.*`
 * here: they work the same in any page, which keeps them out of the components' logic.
 */

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Some contexts refuse the async clipboard (no focus); a selected textarea still works.
    const before = document.activeElement as HTMLElement | null;
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.setAttribute('readonly', '');
    ta.style.cssText = 'position:fixed;opacity:0;top:0;left:0';
    document.body.append(ta);
    ta.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    ta.remove();
    before?.focus();
    return ok;
  }
}

/** Saves text through an <a download> on a blob URL (no `downloads` permission needed). */
export function downloadText(filename: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

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
