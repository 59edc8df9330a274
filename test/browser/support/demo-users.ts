/** The demo sign-ins the server loads (server/demo-data), with the screen each must land on. */
export interface DemoUser {
  readonly name: string;
  readonly password: string;
  /** `screen-<screen>` test id of the landing screen. */
  readonly screen: string;
  readonly path: string;
}

const user = (name: string, password: string, screen: string, path: string): DemoUser => ({ name, password, screen, path });

export const DEMO_USERS: readonly DemoUser[] = [
  user('reception.dla', 'demo-reception', 'reception', '/reception'),
  user('kiosk.dla', 'demo-kiosk', 'kiosk', '/kiosk'),
  user('display.dla', 'demo-display', 'display', '/display'),
  user('counter.dla', 'demo-counter', 'counter', '/counter'),
  user('cashier.dla', 'demo-cashier', 'cashier', '/cash'),
  user('backoffice.dla', 'demo-backoffice', 'backoffice', '/backoffice'),
  user('supervisor.dla', 'demo-supervisor', 'supervisor', '/supervisor'),
  user('supervisor.hq', 'demo-supervisor', 'supervisor', '/supervisor'),
  user('admin.hq', 'demo-admin', 'admin', '/admin'),
];

export function demoUser(name: string): DemoUser {
  const found = DEMO_USERS.find((u) => u.name === name);
  if (found) return found;
  // Same scheme in every branch: `<role>.<branch>` / `demo-<role>`.
  const [role] = name.split('.');
  const path = role === 'cashier' ? '/cash' : `/${role}`;
  return user(name, `demo-${role}`, role!, path);
}
