import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXPORT_FORMAT, readDataset, writeDataset, type Dataset } from '../../../src/cli/backtest/dataset';

const dir = mkdtempSync(join(tmpdir(), 'sla-clock-dataset-'));

const dataset = (): Dataset => ({
  format: EXPORT_FORMAT, version: 1, site: 'https://example.atlassian.net', project: { id: '10000', key: 'SUP' },
  jql: 'resolved >= -90d', fetchedAt: '2026-01-05T09:00:00Z', fieldIds: ['status', 'created'], statusCategories: { '1': 'new', '3': 'done' },
  sitePolicy: null,
  issues: [{ id: '10001', key: 'SUP-1', fields: { created: '2026-01-05T08:00:00.000+0000' }, histories: [], comments: [], slaProperty: { stale: true } }],
});

describe('the backtest export file', () => {
  it('reads back what it wrote, with no stored sla property on any issue', () => {
    const file = join(dir, 'export.json');
    expect(writeDataset(file, dataset())).toEqual({ ok: true, value: undefined });
    const back = readDataset(file);
    expect(back.ok && back.value).toEqual({ ...dataset(), issues: dataset().issues.map((i) => ({ ...i, slaProperty: undefined })) });
    expect(back.ok && back.value.issues[0]?.slaProperty).toBeUndefined();
  });

  it('refuses a file that is not JSON, and names at most five problems of one that is not an export', () => {
    const notJson = join(dir, 'not.json');
    writeFileSync(notJson, 'nope');
    expect(readDataset(notJson)).toMatchObject({ ok: false, error: { code: 'CLI_BAD_EXPORT' } });
    const wrong = join(dir, 'wrong.json');
    writeFileSync(wrong, JSON.stringify({ format: 'other' }));
    const res = readDataset(wrong);
    expect(res).toMatchObject({ ok: false, error: { code: 'CLI_BAD_EXPORT', message: expect.stringContaining('not a backtest export') } });
    expect(!res.ok && res.error.details.length).toBe(5);
  });

  it('refuses an export whose fetch instant is not an instant', () => {
    const file = join(dir, 'bad-instant.json');
    writeFileSync(file, JSON.stringify({ ...dataset(), fetchedAt: 'yesterday' }));
    expect(readDataset(file)).toMatchObject({ ok: false, error: { code: 'CLI_BAD_EXPORT', details: [expect.stringContaining('fetchedAt')] } });
  });

  it('answers CLI_WRITE_FAILED when the file cannot be written', () => {
    expect(writeDataset(join(dir, 'no-such-dir', 'x.json'), dataset())).toMatchObject({ ok: false, error: { code: 'CLI_WRITE_FAILED' } });
  });
});
