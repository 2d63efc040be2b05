import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';

/**
 * Which process holds a local TCP port's listening socket, read from Linux's /proc: the LISTEN entries
 * of /proc/net/tcp{,6} give the socket's inode, and a process's /proc/<pid>/fd links name the inodes of
 * its sockets (only processes of the same user are visible). Without /proc nothing is found.
 */
function listeningInodes(port: number): Set<string> {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      // sl local_address rem_address st … inode (index 9); st 0A is LISTEN
      const columns = line.trim().split(/\s+/);
      if (columns.length >= 10 && columns[3] === '0A' && columns[1]!.split(':')[1] === hexPort) {
        inodes.add(columns[9]!);
      }
    }
  }
  return inodes;
}

function holdsSocket(pid: number | string, inodes: ReadonlySet<string>): boolean {
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return false; // gone, or not ours to read
  }
  return fds.some((fd) => {
    try {
      const link = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`, { encoding: 'utf8' }));
      return link !== null && inodes.has(link[1]!);
    } catch {
      return false; // closed while we looked
    }
  });
}

/** Whether process `pid` holds the listening socket of `port`; true where /proc cannot tell. */
export function listensOn(pid: number, port: number): boolean {
  if (!existsSync('/proc/net/tcp')) return true;
  return holdsSocket(pid, listeningInodes(port));
}

/** The pid of the process listening on `port`, if one of this user's processes does. */
export function findListeningPid(port: number): number | undefined {
  const inodes = listeningInodes(port);
  if (inodes.size === 0) return undefined;
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  const pid = entries.find((entry) => /^\d+$/.test(entry) && holdsSocket(entry, inodes));
  return pid === undefined ? undefined : Number(pid);
}
