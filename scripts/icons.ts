/**
 * `npm run icons`: writes the extension's icons into public/icon/ (committed; the build copies
 * them). The locked mark is the extension's icon; the open one shows in the toolbar while the
 * vault is unlocked (lib/background/toolbar.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { ICON_FILES, iconBytes } from './icons/files';

mkdirSync('public/icon', { recursive: true });
for (const file of ICON_FILES) {
  writeFileSync(`public/icon/${file.name}`, iconBytes(file));
  console.log(`public/icon/${file.name}`);
}
