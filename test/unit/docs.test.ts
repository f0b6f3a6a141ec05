import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('README', () => {
  it('reproduces the vault format reference word for word', () => {
    const readme = readFileSync('README.md', 'utf8');
    const format = readFileSync('lib/vault/FORMAT.md', 'utf8')
      .split('\n')
      .map((line) => (line.startsWith('#') ? '#' + line : line))
      .join('\n')
      .trim();
    expect(readme).toContain(format);
  });

  it('starts with the command that runs the product and the one that runs every test', () => {
    const first = readFileSync('README.md', 'utf8').split('```')[1] ?? '';
    expect(first).toContain('npm start');
    expect(first).toContain('npm test');
  });
});
