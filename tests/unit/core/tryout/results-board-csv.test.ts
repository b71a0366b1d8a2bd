import { describe, expect, it } from 'vitest';
import { resultsBoardOf } from '../../../../core/tryout/results-board.js';
import { csvField, csvText, resultsBoardCsv } from '../../../../core/tryout/results-board-csv.js';
import { sortBoardRows } from '../../../../core/tryout/results-board-sort.js';
import { daySessions, session, TRYOUT, AT } from './board-fixtures.js';

describe('CSV quoting (RFC 4180)', () => {
  it('leaves plain fields as they are', () => {
    expect(csvField('Ada Byron')).toBe('Ada Byron');
    expect(csvField(80)).toBe('80');
    expect(csvField('')).toBe('');
    expect(csvField('José Núñez')).toBe('José Núñez');
  });

  it('quotes fields with a comma, a double quote, CR or LF, doubling the quotes', () => {
    expect(csvField('Berg, Bo')).toBe('"Berg, Bo"');
    expect(csvField('Bo "the voice" Berg')).toBe('"Bo ""the voice"" Berg"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField('"')).toBe('""""');
  });

  it('quotes fields with spaces at either end, which some readers trim', () => {
    expect(csvField(' Ada')).toBe('" Ada"');
    expect(csvField('Ada ')).toBe('"Ada "');
  });

  it('keeps a spreadsheet from running a name as a formula', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    // Numbers are numbers, not text.
    expect(csvField(-2)).toBe('-2');
  });

  it('ends every record with CRLF', () => {
    expect(csvText([['a', 'b,c'], [1, 2]])).toBe('a,"b,c"\r\n1,2\r\n');
  });
});

describe('the results board as CSV', () => {
  it('has one header row and one row per candidate, in the order given', () => {
    const board = resultsBoardOf(TRYOUT, [...daySessions(), session('s-q', 'Quinn, "Q" Lee', 'angry-caller', AT, [])]);
    const rows = sortBoardRows(board.rows, { column: 'candidate', direction: 'ascending' });
    const lines = resultsBoardCsv(board, rows).split('\r\n');
    expect(lines).toEqual([
      'Candidate,Candidate number,Respect score (%),Respect fails,Respect needs review,Patience score (%),Patience fails,Patience needs review,Fails,Needs review,Verdict,Calls with a verdict,Reviewed by,Calls done',
      'Ada Byron,,80,1,1,100,0,0,1,1,Advance,1,Ana Ruiz,2 of 2',
      'Bo Berg,,100,0,1,100,0,0,0,1,Split,0,"Ana Ruiz, Björn Larsen",1 of 2',
      'Cy Young,,,0,0,,0,0,0,0,No verdict yet,0,,0 of 2 (1 in progress)',
      '"Quinn, ""Q"" Lee",,50,1,1,100,0,0,1,1,No verdict yet,0,,1 of 2',
      '',
    ]);
  });
});
