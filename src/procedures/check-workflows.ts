import { BUILTIN_PROCEDURES } from '../../workflows/index.js';
import { checkDefinition } from './definition-checker.js';

/**
 * Run after compiling (`npm run build`): the build fails when a definition in `workflows/` breaks a rule
 * of the checker, with every issue named by item, state and event.
 */
let failures = 0;
for (const definition of BUILTIN_PROCEDURES) {
  for (const issue of checkDefinition(JSON.parse(JSON.stringify(definition)) as unknown)) {
    failures++;
    const where = [issue.state && `state ${issue.state}`, issue.event && `event ${issue.event}`]
      .filter(Boolean)
      .join(', ');
    process.stderr.write(
      `${definition.id} v${definition.version} ${issue.code}${where ? ` (${where})` : ''}: ${issue.message}\n`,
    );
  }
}
if (failures > 0) {
  process.stderr.write(`${failures} problem(s) in workflows/: the build fails.\n`);
  process.exit(1);
}
process.stdout.write(`workflows/: ${BUILTIN_PROCEDURES.length} procedures pass the checker.\n`);
