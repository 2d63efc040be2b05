import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useClient } from '../app/hooks';
import { capitalise, describeError, formatBytes } from '../app/util';

/** The file service's per-message limit (FILE_MAX_ATTACHMENT_BYTES decides the per-file one). */
const MAX_ATTACHMENTS = 10;

export interface PendingUpload {
  key: number;
  file: File;
  /** Object URL of an image, for the preview before sending. */
  previewUrl: string | null;
  /** 0–1 */
  progress: number;
  status: 'uploading' | 'done' | 'failed';
  fileId: string | null;
  error: string | null;
  abort: AbortController;
}

export interface Uploads {
  items: PendingUpload[];
  busy: boolean;
  add: (files: File[]) => void;
  remove: (key: number) => void;
  /** The uploaded ids, in order; clears the list (their previews stay valid while messages render). */
  take: () => string[];
}

let nextKey = 1;

/**
 * Files attached to the message being written: each starts uploading at once (straight to the object
 * store, with progress), so sending only has to name them.
 */
export function useUploads(channelId: string): Uploads {
  const client = useClient();
  const [items, setItems] = useState<PendingUpload[]>([]);
  const itemsRef = useRef(items);
  itemsRef.current = items;

  const update = useCallback((key: number, change: Partial<PendingUpload>) => {
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...change } : item)));
  }, []);

  const start = useCallback(
    async (upload: PendingUpload) => {
      try {
        const object = await client.files.uploadAttachment(
          channelId,
          {
            data: upload.file,
            filename: upload.file.name,
            contentType: upload.file.type || 'application/octet-stream',
          },
          {
            onProgress: (progress) => update(upload.key, { progress: progress.fraction }),
            signal: upload.abort.signal,
          },
        );
        update(upload.key, { status: 'done', progress: 1, fileId: object.id });
      } catch (error) {
        if (upload.abort.signal.aborted) return;
        update(upload.key, {
          status: 'failed',
          error: capitalise(
            `${upload.file.name} (${formatBytes(upload.file.size)}) was not uploaded: ${describeError(error)}`,
          ),
        });
      }
    },
    [client, channelId, update],
  );

  const add = useCallback(
    (files: File[]) => {
      const room = MAX_ATTACHMENTS - itemsRef.current.length;
      const accepted = files.slice(0, Math.max(0, room)).map((file): PendingUpload => ({
        key: nextKey++,
        file,
        previewUrl: file.type.startsWith('image/') ? URL.createObjectURL(file) : null,
        progress: 0,
        status: 'uploading',
        fileId: null,
        error: null,
        abort: new AbortController(),
      }));
      const refused = files.length - accepted.length;
      setItems((current) => [
        ...current,
        ...accepted,
        ...(refused > 0
          ? [
              {
                key: nextKey++,
                file: files[accepted.length]!,
                previewUrl: null,
                progress: 0,
                status: 'failed' as const,
                fileId: null,
                error: `At most ${MAX_ATTACHMENTS} files per message: ${refused} not added.`,
                abort: new AbortController(),
              },
            ]
          : []),
      ]);
      for (const upload of accepted) void start(upload);
    },
    [start],
  );

  const remove = useCallback((key: number) => {
    setItems((current) => {
      const item = current.find((candidate) => candidate.key === key);
      item?.abort.abort();
      if (item?.previewUrl) URL.revokeObjectURL(item.previewUrl);
      return current.filter((candidate) => candidate.key !== key);
    });
  }, []);

  const take = useCallback(() => {
    const ids = itemsRef.current
      .filter((item) => item.status === 'done' && item.fileId)
      .map((item) => item.fileId!);
    for (const item of itemsRef.current) if (item.previewUrl) URL.revokeObjectURL(item.previewUrl);
    setItems([]);
    return ids;
  }, []);

  useEffect(
    () => () => {
      for (const item of itemsRef.current) {
        item.abort.abort();
        if (item.previewUrl) URL.revokeObjectURL(item.previewUrl);
      }
    },
    [],
  );

  const busy = items.some((item) => item.status === 'uploading');
  return useMemo(() => ({ items, busy, add, remove, take }), [items, busy, add, remove, take]);
}
