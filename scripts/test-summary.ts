// Prints the closing line CI reads, `N passed, N failed`, from Vitest's JSON report. A run that
// never reached Vitest (the typecheck or the linter failed first) has no report and says so.
import { existsSync, readFileSync } from 'node:fs';

const reportPath = process.argv[2] ?? 'reports/vitest.json';
if (!existsSync(reportPath)) {
  console.log(`no test report at ${reportPath}: the tests did not run`);
  console.log('0 passed, 1 failed');
  process.exit(0);
}
const report = JSON.parse(readFileSync(reportPath, 'utf8')) as {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests?: number;
};
const skipped = report.numPendingTests + (report.numTodoTests ?? 0);
console.log(
  `${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`,
);
