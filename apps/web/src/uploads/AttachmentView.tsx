import { useEffect, useState } from 'react';
import type { Attachment } from '@bonfire/sdk';
import { useStore } from '../app/hooks';
import { describeError, formatBytes } from '../app/util';
import { Icon } from '../ui/Icon';

const objectUrls = new Map<string, Promise<string>>();

/**
 * Attachment downloads need the access token, so an <img src> cannot point at them: the bytes are fetched
 * (following the redirect to the object store) and shown from an object URL, cached per file and size.
 */
export function useAttachmentUrl(fileId: string, size: 'small' | 'large' | undefined, enabled: boolean) {
  const messageActions = useStore().messageActions;
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  // A preview that failed (offline, object store down) is tried again when the network is back.
  useEffect(() => {
    if (!error) return;
    const retry = () => {
      setError(null);
      setAttempt((current) => current + 1);
    };
    window.addEventListener('online', retry);
    const timer = attempt < 3 ? setTimeout(retry, 3000 * (attempt + 1)) : undefined;
    return () => {
      window.removeEventListener('online', retry);
      if (timer) clearTimeout(timer);
    };
  }, [error, attempt]);

  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    const key = `${fileId}:${size ?? 'original'}`;
    let request = objectUrls.get(key);
    if (!request) {
      request = messageActions
        .downloadAttachment(fileId, size)
        .then(async (response) => URL.createObjectURL(await response.blob()));
      objectUrls.set(key, request);
      request.catch(() => objectUrls.delete(key));
    }
    request.then(
      (objectUrl) => !cancelled && setUrl(objectUrl),
      (caught: unknown) => !cancelled && setError(describeError(caught)),
    );
    return () => {
      cancelled = true;
    };
  }, [messageActions, fileId, size, enabled, attempt]);
  return { url, error };
}

export function AttachmentView({ attachment }: { attachment: Attachment }) {
  const isImage = attachment.contentType.startsWith('image/') && attachment.width !== null;
  const preview = useAttachmentUrl(attachment.id, 'large', isImage);
  const messageActions = useStore().messageActions;

  const download = async () => {
    const response = await messageActions.downloadAttachment(attachment.id);
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = attachment.filename;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  if (isImage) {
    if (preview.error) return <div className="attachment-file">Preview unavailable: {preview.error}</div>;
    return preview.url ? (
      <img
        className="attachment-image"
        src={preview.url}
        alt={attachment.filename}
        width={attachment.width ?? undefined}
        height={attachment.height ?? undefined}
        style={{ width: 'auto', height: 'auto' }}
        onClick={() => void download()}
      />
    ) : (
      <div className="attachment-file" role="status">
        Loading {attachment.filename}…
      </div>
    );
  }
  return (
    <div className="attachment-file">
      <Icon name="file" size={28} />
      <span>
        <button className="button link" onClick={() => void download()}>
          {attachment.filename}
        </button>
        <div className="search-help">{formatBytes(attachment.size)}</div>
      </span>
    </div>
  );
}
