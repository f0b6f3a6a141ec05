// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { findBackupCodes } from '@/lib/page-ui/backup-codes';
import { loadFixture } from './fixtures/load';

const $ = (selector: string) => document.querySelector<HTMLElement>(selector)!;
const CURRENT_FR = ['60083012', '10361836', '74028727', '72564472', '27583422', '70126425', '59359676', '12665747'];
const MODAL_2015 = ['26453220', '38983751', '45989533', '99273800', '48104060', '42730005', '84442308', '85757558'];

afterEach(() => {
  document.body.innerHTML = '';
});

describe('findBackupCodes', () => {
  it('reads the current UI inline list (two columns, French page), in page order', async () => {
    await loadFixture('backup-current-fr.html');
    // The footer's 8-digit numbers (a phone number, a build id) are not part of the group.
    expect(findBackupCodes(document)).toEqual(CURRENT_FR);
  });

  it('reads the 2015 modal: a checkbox before each code, rows among paragraphs and a date', async () => {
    await loadFixture('backup-2015-en.html');
    expect(findBackupCodes(document)).toEqual(MODAL_2015);
  });

  it('reads the sandbox-like list (li > span.check + span.code) and a table of 4 rows x 2 codes', () => {
    document.body.innerHTML = `<ul>${MODAL_2015.map((c) => `<li><span class="check" aria-hidden="true"></span><span>${c}</span></li>`).join('')}</ul>`;
    expect(findBackupCodes(document)).toEqual(MODAL_2015);
    const rows = [0, 2, 4, 6].map((i) => `<tr><td>${CURRENT_FR[i]}</td><td>${CURRENT_FR[i + 1]}</td></tr>`).join('');
    document.body.innerHTML = `<div class="codes"><h4>Codes</h4><table><tbody>${rows}</tbody></table></div>`;
    expect(findBackupCodes(document)).toEqual(CURRENT_FR);
  });

  it('accepts a glyph (not a letter or digit) beside each code', () => {
    document.body.innerHTML = `<div>${MODAL_2015.map((c) => `<p><span>☐</span> ${c}</p>`).join('')}</div>`;
    expect(findBackupCodes(document)).toEqual(MODAL_2015);
  });

  it('returns null for codes present but not shown (closed modal, hidden list, visibility:hidden)', async () => {
    await loadFixture('backup-hidden.html');
    expect(findBackupCodes(document)).toBeNull();
    // Opening the modal shows its codes.
    $('.modal').classList.add('in');
    expect(findBackupCodes(document)).toEqual(MODAL_2015.slice());
  });

  it('does not take 9 phone numbers, 7 invoice ids, or 8 invoice ids in rows with other cells', async () => {
    await loadFixture('numbers-not-codes.html');
    expect(findBackupCodes(document)).toBeNull();
    for (const id of ['#phones', '#seven', '#invoices']) expect(findBackupCodes($(id)), id).toBeNull();
  });

  it('does not take 8 numbers of different shapes (a list item, a cell, a paragraph…)', () => {
    document.body.innerHTML = `<div><ul>${MODAL_2015.slice(0, 7)
      .map((c) => `<li>${c}</li>`)
      .join('')}</ul><p>${MODAL_2015[7]}</p></div>`;
    expect(findBackupCodes(document)).toBeNull();
  });

  it('does not take numbers that are only part of a text', () => {
    document.body.innerHTML = `<ul>${MODAL_2015.map((c) => `<li>Code ${c}</li>`).join('')}</ul>`;
    expect(findBackupCodes(document)).toBeNull();
  });

  it('answers null for two visible sets (ambiguous)', () => {
    const list = (codes: string[]) => `<ul>${codes.map((c) => `<li>${c}</li>`).join('')}</ul>`;
    document.body.innerHTML = `<section>${list(MODAL_2015)}</section><section>${list(CURRENT_FR)}</section>`;
    expect(findBackupCodes(document)).toBeNull();
  });

  it('answers null while the list renders, then the 8 codes', () => {
    document.body.innerHTML = '<div class="tfa-backup"><p>3. …</p></div>';
    const list = document.createElement('ul');
    $('.tfa-backup').append(list);
    for (const [i, code] of CURRENT_FR.entries()) {
      expect(findBackupCodes(document), `${i} codes`).toBeNull();
      const li = document.createElement('li');
      li.textContent = code;
      list.append(li);
    }
    expect(findBackupCodes(document)).toEqual(CURRENT_FR);
    // A 9th item (the list grows): no longer exactly 8.
    list.append(Object.assign(document.createElement('li'), { textContent: '12345678' }));
    expect(findBackupCodes(document)).toBeNull();
  });
});
