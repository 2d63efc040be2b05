import { Fragment, type ReactNode, useMemo } from 'react';
import { type InlineNode, parseMarkdown } from './markdown';

export interface MarkdownProps {
  content: string;
  /** Display name of a mentioned user (by id); unknown users show as their id. */
  userName: (userId: string) => string;
  roleName: (roleId: string) => string;
}

/** Renders message markdown as React elements: user text is always a text node, never HTML. */
export function Markdown({ content, userName, roleName }: MarkdownProps) {
  const blocks = useMemo(() => parseMarkdown(content), [content]);
  return (
    <>
      {blocks.map((block, index) =>
        block.type === 'codeBlock' ? (
          <pre key={index} className="md-code-block" data-language={block.language ?? undefined}>
            <code>{block.text}</code>
          </pre>
        ) : (
          <Fragment key={index}>{renderInline(block.children, userName, roleName)}</Fragment>
        ),
      )}
    </>
  );
}

function renderInline(
  nodes: InlineNode[],
  userName: (userId: string) => string,
  roleName: (roleId: string) => string,
): ReactNode[] {
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
        return <strong key={index}>{renderInline(node.children, userName, roleName)}</strong>;
      case 'italic':
        return <em key={index}>{renderInline(node.children, userName, roleName)}</em>;
      case 'strike':
        return <s key={index}>{renderInline(node.children, userName, roleName)}</s>;
      case 'link':
        return (
          <a key={index} href={node.href} target="_blank" rel="noopener noreferrer nofollow ugc">
            {node.href}
          </a>
        );
      case 'mention':
        return (
          <span key={index} className="mention-chip">
            @{userName(node.userId)}
          </span>
        );
      case 'roleMention':
        return (
          <span key={index} className="mention-chip">
            @{roleName(node.roleId)}
          </span>
        );
      case 'everyone':
        return (
          <span key={index} className="mention-chip">
            {node.text}
          </span>
        );
    }
  });
}
