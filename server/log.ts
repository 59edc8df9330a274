/** One line per event on stdout, ISO-timestamped; the server's only logger. */
export function log(message: string): void {
  process.stdout.write(`${new Date().toISOString()} ${message}\n`);
}
