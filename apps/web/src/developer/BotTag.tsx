/**
 * The small "BOT" tag after a bot's name (a bot user, or a webhook's message). Screen readers get
 * "(bot)" in words; the visible tag is decoration.
 */
export function BotTag() {
  return (
    <>
      <span className="bot-tag" aria-hidden="true">
        BOT
      </span>
      <span className="visually-hidden"> (bot)</span>
    </>
  );
}
