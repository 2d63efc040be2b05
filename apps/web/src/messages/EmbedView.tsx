import type { Embed } from '@bonfire/sdk';
import { useAttachmentUrl } from '../uploads/AttachmentView';
import './embeds.css';

/** The hex colour of an embed's accent bar (`#rrggbb`), or undefined for the default. */
function accent(color: number | null): string | undefined {
  return color === null ? undefined : `#${color.toString(16).padStart(6, '0')}`;
}

/**
 * An embed's image: always the copy the file service proxied (loaded from Bonfire with the access token,
 * like an attachment), never the remote URL — no hotlinking.
 */
function EmbedImage({
  embed,
  className,
  size,
}: {
  embed: Embed;
  className: string;
  size: 'small' | 'large';
}) {
  const fileId = embed.thumbnail?.fileId;
  const image = useAttachmentUrl(fileId ?? '', size, fileId !== undefined);
  if (!fileId || !image.url) return null;
  return (
    <img
      className={className}
      src={image.url}
      alt={embed.title ?? ''}
      width={embed.thumbnail?.width ?? undefined}
      height={embed.thumbnail?.height ?? undefined}
      loading="lazy"
    />
  );
}

/** One embed: a link card (site, title link, description, thumbnail, accent bar), or an inline image or video. */
function EmbedView({ embed }: { embed: Embed }) {
  if (embed.type === 'image') {
    return (
      <a href={embed.url} target="_blank" rel="noopener noreferrer nofollow" className="embed-inline">
        <EmbedImage embed={embed} className="embed-inline-image" size="large" />
      </a>
    );
  }
  if (embed.type === 'video' && embed.video) {
    // Played from where it was posted, only when the reader asks (preload none: nothing is fetched before).
    return (
      <video className="embed-inline-video" controls preload="none" src={embed.video.url}>
        <a href={embed.url} target="_blank" rel="noopener noreferrer nofollow">
          {embed.url}
        </a>
      </video>
    );
  }
  const wide = (embed.thumbnail?.width ?? 0) >= 400;
  return (
    <section
      className={`embed-card${wide ? ' large-image' : ''}`}
      style={{ borderLeftColor: accent(embed.color) }}
      aria-label={`Link preview: ${embed.title ?? embed.siteName ?? embed.url}`}
    >
      <div className="embed-text">
        {embed.siteName ? <div className="embed-site">{embed.siteName}</div> : null}
        {embed.title ? (
          <a className="embed-title" href={embed.url} target="_blank" rel="noopener noreferrer nofollow">
            {embed.title}
          </a>
        ) : null}
        {embed.description ? <div className="embed-description">{embed.description}</div> : null}
      </div>
      {embed.thumbnail?.fileId ? (
        <EmbedImage embed={embed} className="embed-thumbnail" size={wide ? 'large' : 'small'} />
      ) : null}
    </section>
  );
}

/** A message's embeds, in the order of their links. */
export function EmbedList({ embeds }: { embeds: readonly Embed[] }) {
  if (embeds.length === 0) return null;
  return (
    <div className="embeds">
      {embeds.map((embed, index) => (
        <EmbedView key={`${index}:${embed.url}`} embed={embed} />
      ))}
    </div>
  );
}
