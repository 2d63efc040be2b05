import { Fragment, type ReactNode, useMemo, useState } from 'react';
import { CustomEmoji } from '../emoji/CustomEmoji';
import { highlightCode } from './code-highlight';
import { type InlineNode, type MarkdownBlock, parseMarkdown } from './markdown';

interface MarkdownProps {
  content: string;
  /** Display name of a mentioned user (by id); unknown users show as their id. */
  userName: (userId: string) => string;
  roleName: (roleId: string) => string;
}

type Names = Pick<MarkdownProps, 'userName' | 'roleName'>;

/** Renders message markdown as React elements: user text is always a text node, never HTML. */
export function Markdown({ content, userName, roleName }: MarkdownProps) {
  const blocks = useMemo(() => parseMarkdown(content), [content]);
  return <>{renderBlocks(blocks, { userName, roleName })}</>;
}

function renderBlocks(blocks: MarkdownBlock[], names: Names): ReactNode[] {
  return blocks.map((block, index) => {
    switch (block.type) {
      case 'codeBlock':
        return <CodeBlock key={index} language={block.language} text={block.text} />;
      case 'inline':
        return <Fragment key={index}>{renderInline(block.children, names)}</Fragment>;
      case 'heading': {
        // Headings inside a message are styled text, not document headings (the page outline stays clean).
        return (
          <div key={index} className={`md-heading md-h${block.level}`}>
            {renderInline(block.children, names)}
          </div>
        );
      }
      case 'quote':
        return (
          <blockquote key={index} className="md-quote">
            {renderBlocks(block.blocks, names)}
          </blockquote>
        );
      case 'list': {
        const items = block.items.map((item, itemIndex) => (
          <li key={itemIndex}>{renderInline(item, names)}</li>
        ));
        return block.ordered ? (
          <ol key={index} className="md-list" start={block.start}>
            {items}
          </ol>
        ) : (
          <ul key={index} className="md-list">
            {items}
          </ul>
        );
      }
    }
  });
}

function CodeBlock({ language, text }: { language: string | null; text: string }) {
  const tokens = useMemo(() => highlightCode(text, language), [text, language]);
  return (
    <pre className="md-code-block" data-language={language ?? undefined}>
      <code>
        {tokens.map((token, index) =>
          token.kind === 'plain' ? (
            <Fragment key={index}>{token.text}</Fragment>
          ) : (
            <span key={index} className={`tok-${token.kind}`}>
              {token.text}
            </span>
          ),
        )}
      </code>
    </pre>
  );
}

/** Hidden until clicked (or Enter/Space); then it stays revealed. */
function Spoiler({ children }: { children: ReactNode }) {
  const [revealed, setRevealed] = useState(false);
  if (revealed) return <span className="md-spoiler revealed">{children}</span>;
  return (
    <span
      className="md-spoiler"
      role="button"
      tabIndex={0}
      aria-label="Spoiler, activate to reveal"
      onClick={() => setRevealed(true)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          setRevealed(true);
        }
      }}
    >
      <span aria-hidden="true">{children}</span>
    </span>
  );
}

function renderInline(nodes: InlineNode[], names: Names): ReactNode[] {
  return nodes.map((node, index) => {
    switch (node.type) {
      case 'text':
        return <Fragment key={index}>{node.text}</Fragment>;
      case 'code':
        return (
          <code key={index} className="md-code">
            {node.text}
          </code>
        );
      case 'bold':
        return <strong key={index}>{renderInline(node.children, names)}</strong>;
      case 'italic':
        return <em key={index}>{renderInline(node.children, names)}</em>;
      case 'strike':
        return <s key={index}>{renderInline(node.children, names)}</s>;
      case 'spoiler':
        return <Spoiler key={index}>{renderInline(node.children, names)}</Spoiler>;
      case 'link':
        return (
          <a key={index} href={node.href} target="_blank" rel="noopener noreferrer nofollow ugc">
            {node.href}
          </a>
        );
      case 'maskedLink':
        return (
          <a
            key={index}
            href={node.href}
            title={node.href}
            target="_blank"
            rel="noopener noreferrer nofollow ugc"
          >
            {renderInline(node.children, names)}
          </a>
        );
      case 'mention':
        return (
          <span key={index} className="mention-chip">
            @{names.userName(node.userId)}
          </span>
        );
      case 'roleMention':
        return (
          <span key={index} className="mention-chip">
            @{names.roleName(node.roleId)}
          </span>
        );
      case 'everyone':
        return (
          <span key={index} className="mention-chip">
            {node.text}
          </span>
        );
      case 'customEmoji':
        return <CustomEmoji key={index} id={node.id} name={node.name} animated={node.animated} />;
    }
  });
}
