/**
 * Refusals in a server's output: its log line for each refused `/db/` request ends with the
 * reason in parentheses (`GET /db/… 403 1.2ms (forbidden: …)`), whether the gateway refused it
 * or relayed the engine's refusal. The engine's ordinary answers of a replication (a checkpoint
 * not written yet: 404 missing; a conflict: 409) are counted apart. Anything else is printed:
 * the bench only does what the app does, so it is a bench bug or a request of the app that the
 * gateway wrongly refuses.
 */
const REFUSED = / \d{3} [\d.]+ms \((.+)\)$/;
const ORDINARY = /^(not_found: (missing|deleted)|conflict: Document update conflict\.?)$/;

export function refusedRequests(output: string): { ordinary: number; other: string[] } {
  let ordinary = 0;
  const other: string[] = [];
  for (const line of output.split('\n')) {
    const reason = REFUSED.exec(line)?.[1];
    if (reason === undefined) continue;
    if (ORDINARY.test(reason)) ordinary++;
    else other.push(line);
  }
  return { ordinary, other };
}

/** Log lines for the refusals of one part: the ordinary ones counted, the others listed (the first few). */
export function describeRefusals(part: string, output: string, shown = 10): string[] {
  const { ordinary, other } = refusedRequests(output);
  const head = `  ${part}: ${ordinary} ordinary engine answer(s) (missing checkpoint, conflict)`;
  if (other.length === 0) return [`${head}, no other request refused`];
  return [`${head}; ${other.length} other request(s) REFUSED:`, ...other.slice(0, shown).map((line) => `    ${line}`)];
}
