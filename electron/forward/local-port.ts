// The local end: probing and binding 127.0.0.1 ports, and turning bind failures into messages
// that name the port and the fix. Always the IPv4 loopback literal: `localhost` may resolve to
// ::1 and then the dashboard's https://127.0.0.1:<port> origin would not reach us.
import net from 'node:net';

export const LOOPBACK = '127.0.0.1';

/** True when 127.0.0.1:port can be bound right now (the only reliable test is to try). */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen({ host: LOOPBACK, port, exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

/** A port the OS says is free on 127.0.0.1 right now (for temporary forwards, tests and the demo). */
export function anyFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen({ host: LOOPBACK, port: 0 }, () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('the OS gave no port'))));
    });
  });
}

/** The first free port after `port` (wrapping below 1024 is pointless: those need privileges). */
export async function nextFreePort(port: number, tries = 50): Promise<number | undefined> {
  for (let p = port + 1, i = 0; i < tries && p <= 65535; p++, i++) {
    if (await isPortFree(p)) return p;
  }
  return undefined;
}

export interface BindFailure {
  code: 'PORT_IN_USE' | 'PORT_NOT_PERMITTED';
  message: string;
  hint: string;
  suggestedPort?: number;
}

export function describeBindError(err: unknown, port: number, suggestedPort: number | undefined): BindFailure {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const offer = suggestedPort === undefined ? 'Choose another local port in the profile.' : `Port ${suggestedPort} is free: use it instead.`;
  if (code === 'EACCES') {
    return {
      code: 'PORT_NOT_PERMITTED',
      message: `Not allowed to listen on 127.0.0.1:${port}`,
      hint: `Ports below 1024 need administrator rights on this system. ${offer}`,
      ...(suggestedPort === undefined ? {} : { suggestedPort }),
    };
  }
  if (code !== 'EADDRINUSE') {
    return {
      code: 'PORT_IN_USE',
      message: `Cannot listen on 127.0.0.1:${port}: ${(err as Error | undefined)?.message ?? String(err)}`,
      hint: `Check that the loopback interface is up. ${offer}`,
      ...(suggestedPort === undefined ? {} : { suggestedPort }),
    };
  }
  return {
    code: 'PORT_IN_USE',
    message: `Local port ${port} is already in use on 127.0.0.1`,
    hint:
      `Something else is listening there, often an earlier \`kubectl port-forward\` or another Karpor Desktop profile ` +
      `(find it with \`lsof -iTCP:${port} -sTCP:LISTEN\` or \`netstat -ano | findstr :${port}\`). ${offer}`,
    ...(suggestedPort === undefined ? {} : { suggestedPort }),
  };
}
