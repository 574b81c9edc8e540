/** A plain-text table with columns padded to their widest cell; numbers right-aligned. */
export function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((cell, column) =>
    Math.max(width(cell), ...rows.map((row) => width(row[column] ?? ''))),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === 0 ? pad(cell, widths[column], 'end') : pad(cell, widths[column], 'start'),
      )
      .join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

/** Display width: CJK characters take two columns in a terminal. */
const width = (text: string): number =>
  [...text].reduce((sum, char) => sum + (/[\u3000-\u9fff\uff00-\uffef]/.test(char) ? 2 : 1), 0);

const pad = (text: string, to: number, side: 'start' | 'end'): string => {
  const fill = ' '.repeat(Math.max(0, to - width(text)));
  return side === 'start' ? fill + text : text + fill;
};
