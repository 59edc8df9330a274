import type { UserSpec } from './provision/users.ts';

/** What `npm start` prints once ready: where to go and how to sign in. */
export function printBanner(p: {
  port: number;
  /** The interface listened on: all of them (0.0.0.0, ::) is said out loud. */
  host: string;
  demoUsers: readonly UserSpec[];
  engine: string;
  /** Printed on the start that generated it, never again (it stays in `file`). */
  generatedAdmin?: { name: string; password: string; file: string } | null;
}): void {
  const lines = [
    '',
    `Front Office is running: http://localhost:${p.port}/`,
    `Database engine: ${p.engine === 'embedded' ? 'embedded (express-pouchdb)' : p.engine}`,
    p.host === '0.0.0.0' || p.host === '::'
      ? `Listening on every network interface (HOST=${p.host}): anyone on this network can reach the sign-in page. Set HOST=127.0.0.1 to keep it on this machine.`
      : `Listening on ${p.host} only.`,
  ];
  if (p.generatedAdmin) {
    const a = p.generatedAdmin;
    lines.push('', `Server admin (generated now, shown this once, kept in ${a.file}):`, `  ${a.name}  ${a.password}`);
  }
  if (p.demoUsers.length) {
    lines.push('', 'Demo sign-ins (name / password / roles):');
    const nameWidth = Math.max(...p.demoUsers.map((u) => u.name.length));
    const passWidth = Math.max(...p.demoUsers.map((u) => u.password.length));
    for (const u of p.demoUsers) lines.push(`  ${u.name.padEnd(nameWidth)}  ${u.password.padEnd(passWidth)}  ${u.roles.join(', ')}`);
  }
  process.stdout.write(lines.join('\n') + '\n\n');
}
