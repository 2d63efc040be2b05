import { type ChildProcess, fork } from 'node:child_process';
import { resolve } from 'node:path';
import type { BareServerOptions } from './bare-socketio.server';

/** The parent side of bare-socketio.server.ts: a bare socket.io server in a process of its own. */
export class BareSocketIoServer {
  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Forks the server (with `execArgv`, e.g. `--inspect=127.0.0.1:<port>`) and waits until it listens. */
  static async start(options: BareServerOptions, execArgv: string[] = []): Promise<BareSocketIoServer> {
    const child = fork(resolve(__dirname, 'bare-socketio.server.ts'), [JSON.stringify(options)], {
      execArgv: ['--import', 'tsx', ...execArgv],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const port = await new Promise<number>((done, fail) => {
      child.once('message', (message: { port: number }) => done(message.port));
      child.once('exit', (code) =>
        fail(new Error(`bare socket.io server exited (${code}) before listening`)),
      );
    });
    return new BareSocketIoServer(child, port);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((done) => this.child.once('exit', () => done()));
    this.child.kill('SIGTERM');
    await exited;
  }
}
