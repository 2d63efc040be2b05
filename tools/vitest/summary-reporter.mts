import { appendFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { SerializedError } from '@vitest/utils';
import type { Reporter, TestModule } from 'vitest/node';

interface Failure {
  file: string;
  test: string;
  error: string;
}

/**
 * Ends the run with one plain line, `tests: N passed, N failed`, that CI and people can read at a glance, preceded
 * by one line per failure (file, test, first line of the error): CI shows only the tail of a long log, and that is
 * where the reason has to be. An unhandled error (a rejection or an 'error' event nobody listened to) fails the run
 * although every test passed, so it counts as a failure here too, with where it came from.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
  ): void {
    let passed = 0;
    let skipped = 0;
    const failures: Failure[] = [];
    for (const testModule of testModules) {
      const file = relative(process.cwd(), testModule.moduleId);
      const before = failures.length;
      for (const testCase of testModule.children.allTests()) {
        const result = testCase.result();
        if (result.state === 'passed') passed++;
        else if (result.state === 'failed')
          failures.push({ file, test: testCase.fullName, error: firstLine(result.errors[0]?.message) });
        else skipped++;
      }
      // A file that fails outside any test (a throwing beforeAll, an import error) counts as one failure.
      if (testModule.state() === 'failed' && failures.length === before) {
        const suiteErrors = [...testModule.children.allSuites()].flatMap((suite) => suite.errors());
        const error = [...testModule.errors(), ...suiteErrors][0]?.message;
        failures.push({ file, test: '(outside any test: hook or import)', error: firstLine(error) });
      }
    }
    for (const error of unhandledErrors) failures.push(unhandledFailure(error));
    for (const failure of failures) {
      process.stdout.write(`\nFAILED ${failure.file} › ${failure.test}\n       ${failure.error}`);
    }
    const tail = skipped > 0 ? `, ${skipped} skipped` : '';
    process.stdout.write(`\ntests: ${passed} passed, ${failures.length} failed${tail}\n`);
    // `npm test` runs Vitest more than once (standalone shape, then distributed) and adds the counts up.
    const summaryFile = process.env['BONFIRE_TEST_SUMMARY_FILE'];
    if (summaryFile) {
      const line = { passed, failed: failures.length, skipped, failures };
      appendFileSync(summaryFile, `${JSON.stringify(line)}\n`);
    }
  }
}

function unhandledFailure(error: SerializedError): Failure {
  const testPath = typeof error['VITEST_TEST_PATH'] === 'string' ? error['VITEST_TEST_PATH'] : undefined;
  const file = testPath ? relative(process.cwd(), testPath) : '(no test file)';
  // The stack's top frames say which code threw; the message alone often does not (e.g. "Connection terminated").
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, 4)
    .map((line) => line.trim());
  const message = `${error.name ?? 'Error'}: ${firstLine(error.message)}`;
  return {
    file,
    test: '(unhandled error, outside any test)',
    error: [message, ...frames].join('\n         '),
  };
}

function firstLine(message: string | undefined): string {
  return (message ?? 'no error message').split('\n')[0]!.slice(0, 300);
}
