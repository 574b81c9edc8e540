export interface DemoLogins {
  password: string;
  generated: boolean;
  accounts: { username: string; name: string; roles: string; village: string }[];
  villages: { id: string; name: string }[];
}

/** Printed once, when the demo data is created: the only place the generated password appears. */
export function printDemoLogins(logins: DemoLogins, startOver: string): void {
  const width = Math.max(...logins.accounts.map((account) => account.username.length));
  const lines = [
    '',
    '  Demo data created (示范数据已创建). Log in with any of these usernames:',
    `  password for every demo account: ${logins.password}${logins.generated ? '   (generated; set DEMO_PASSWORD to choose it)' : ''}`,
    '',
    ...logins.villages.map((village) => `  village ${village.name}: ${village.id}`),
    '',
    ...logins.accounts.map(
      (account) =>
        `  ${account.username.padEnd(width)}  ${account.name}  ${account.village}  ${account.roles}`,
    ),
    '',
    `  This is printed only once. To start over: stop the app and ${startOver}.`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
