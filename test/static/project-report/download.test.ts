/** @jest-environment jsdom */
import { downloadCsv } from '../../../static/project-report/src/download';

describe('saving a CSV file the backend built', () => {
  const created: Blob[] = [];
  let clicked: HTMLAnchorElement[] = [];

  beforeEach(() => {
    jest.useFakeTimers();
    created.length = 0;
    clicked = [];
    URL.createObjectURL = jest.fn((blob: Blob) => { created.push(blob); return 'blob:report'; });
    URL.revokeObjectURL = jest.fn();
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) { clicked.push(this); });
  });
  afterEach(() => { jest.useRealTimers(); jest.restoreAllMocks(); });

  it('clicks a link named after the file, holding the CSV as UTF-8 text', async () => {
    downloadCsv({ filename: 'sla-2026-11.csv', csv: '\uFEFFa,b\n1,2\n' });
    expect(clicked).toHaveLength(1);
    expect(clicked[0]?.download).toBe('sla-2026-11.csv');
    expect(clicked[0]?.href).toBe('blob:report');
    expect(created[0]?.type).toBe('text/csv;charset=utf-8');
    expect(created[0]?.size).toBe(3 + 8); // the 3-byte UTF-8 BOM, then "a,b\n1,2\n"
  });

  it('leaves no link behind and frees the file only after ten seconds', () => {
    downloadCsv({ filename: 'x.csv', csv: 'a' });
    expect(document.querySelectorAll('a')).toHaveLength(0);
    jest.advanceTimersByTime(9_999);
    expect(URL.revokeObjectURL).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:report');
  });
});
