import { useCallback, useEffect, useState } from 'react';
import type { DataExport } from '@bonfire/contracts';
import { useStore } from '../app/hooks';
import { capitalise, describeError, formatBytes, formatDateTime } from '../app/util';

/** How often the list is read again while an export is under way (the realtime event usually comes first). */
const POLL_MS = 5_000;

const STATUS_TEXT: Record<DataExport['status'], string> = {
  pending: 'Waiting to start…',
  running: 'Preparing your archive…',
  ready: 'Ready to download.',
  failed: 'The export failed. You can ask for a new one.',
  expired: 'This export has expired.',
};

/**
 * "Export my data" in user settings: asks for a ZIP of everything Bonfire holds about me, shows its
 * progress (from `data_export.updated` on my socket, with polling of the list as a fallback), then a
 * download link and the date the archive expires.
 */
export function DataExportSection() {
  const account = useStore().accountActions;
  const [exports, setExports] = useState<DataExport[] | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(
    () =>
      account
        .dataExports()
        .then(setExports, (error: unknown) =>
          setMessage({ text: capitalise(describeError(error)), error: true }),
        ),
    [account],
  );

  useEffect(() => {
    void refresh();
    return account.onDataExportUpdated((update) =>
      setExports((current) => {
        const list = current ?? [];
        return list.some((entry) => entry.id === update.id)
          ? list.map((entry) => (entry.id === update.id ? update : entry))
          : [update, ...list];
      }),
    );
  }, [account, refresh]);

  const latest = exports?.[0] ?? null;
  const underWay = latest?.status === 'pending' || latest?.status === 'running';

  useEffect(() => {
    if (!underWay) return undefined;
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [underWay, refresh]);

  const request = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const started = await account.requestDataExport();
      setExports((current) => [started, ...(current ?? []).filter((entry) => entry.id !== started.id)]);
    } catch (error) {
      setMessage({ text: capitalise(describeError(error)), error: true });
    } finally {
      setBusy(false);
    }
  };

  const download = async (entry: DataExport) => {
    try {
      const response = await account.downloadDataExport(entry.fileId!);
      if (!response.ok) throw new Error(`the download answered ${response.status}`);
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = `bonfire-export-${entry.createdAt.slice(0, 10)}.zip`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      setMessage({ text: capitalise(describeError(error)), error: true });
    }
  };

  return (
    <section aria-labelledby="data-export-heading">
      <h2 id="data-export-heading">Export my data</h2>
      <p>
        A ZIP archive of your profile, servers, direct messages, the messages you wrote and the files you
        attached. You can ask for one export a day; it stays downloadable for a few days.
      </p>
      {latest ? (
        <div className="data-export" aria-live="polite">
          <p>
            {STATUS_TEXT[latest.status]} <small>(requested {formatDateTime(latest.createdAt)})</small>
          </p>
          {underWay ? (
            <progress max={100} value={latest.progress} aria-label="Export progress">
              {latest.progress}%
            </progress>
          ) : null}
          {latest.status === 'ready' && latest.fileId ? (
            <p>
              <button type="button" className="button link" onClick={() => void download(latest)}>
                Download the archive{latest.size !== null ? ` (${formatBytes(latest.size)})` : ''}
              </button>
              {latest.expiresAt ? <> — available until {formatDateTime(latest.expiresAt)}</> : null}
            </p>
          ) : null}
        </div>
      ) : null}
      <button
        className="button"
        type="button"
        disabled={busy || underWay || exports === null}
        onClick={() => void request()}
      >
        Request an export
      </button>
      {message ? (
        <div className={`alert${message.error ? '' : ' info'}`} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </div>
      ) : null}
    </section>
  );
}
