/**
 * The emoji the picker offers, by category, each with the words it is found by. Emoji are plain text
 * (the server stores the characters); the list is the everyday set, not all of Unicode.
 */
export interface EmojiEntry {
  emoji: string;
  name: string;
}

const RAW: Record<string, string> = {
  Smileys: `😀 grinning smile happy|😃 smiley happy|😄 smile happy|😁 grin beaming|😆 laughing|😅 sweat smile|🤣 rofl rolling laughing|😂 joy tears laughing lol|🙂 slight smile|🙃 upside down|😉 wink|😊 blush happy|😇 innocent halo|🥰 love hearts|😍 heart eyes love|🤩 star struck|😘 kiss|😋 yum tasty|😛 tongue|😜 wink tongue crazy|🤪 zany crazy|🤑 money|🤗 hug|🤭 oops hand over mouth|🤫 shush quiet|🤔 thinking hmm|🤐 zipper mouth|🤨 raised eyebrow|😐 neutral|😑 expressionless|😶 no mouth|😏 smirk|😒 unamused|🙄 eye roll|😬 grimace|😌 relieved|😔 pensive|😪 sleepy|😴 sleeping|😷 mask sick|🤒 thermometer sick|🤢 nauseated|🤮 vomit|🥵 hot|🥶 cold|😵 dizzy|🤯 mind blown exploding head|🤠 cowboy|🥳 party celebrate|😎 cool sunglasses|🤓 nerd|😕 confused|😟 worried|🙁 frown|😮 open mouth wow surprised|😯 hushed|😲 astonished|😳 flushed|🥺 pleading|😦 frowning|😧 anguished|😨 fearful|😰 anxious sweat|😥 sad relieved|😢 cry sad tear|😭 sob crying|😱 scream|😖 confounded|😣 persevere|😞 disappointed|😓 sweat|😩 weary|😫 tired|🥱 yawn|😤 triumph huff|😡 rage angry|😠 angry|🤬 cursing|😈 smiling devil|👿 imp devil|💀 skull dead|💩 poop|🤡 clown|👻 ghost|👽 alien|🤖 robot`,
  People: `👍 thumbsup +1 yes like|👎 thumbsdown -1 no dislike|👌 ok|✌️ victory peace|🤞 fingers crossed luck|🤟 love you|🤘 rock metal|👈 point left|👉 point right|👆 point up|👇 point down|✋ raised hand|👋 wave hello bye|👏 clap applause|🙌 raised hands hooray|🙏 pray please thanks|💪 muscle strong flex|🤝 handshake deal|✍️ writing|👀 eyes look|🧠 brain|🫡 salute|🤷 shrug|🤦 facepalm|🙋 raising hand|🙇 bow|💃 dancer dance|🕺 dance man|🏃 run running|🧑‍💻 technologist coder programmer`,
  Nature: `🐶 dog puppy|🐱 cat kitten|🐭 mouse|🦊 fox|🐻 bear|🐼 panda|🐨 koala|🐯 tiger|🦁 lion|🐮 cow|🐷 pig|🐸 frog|🐵 monkey|🐔 chicken|🐧 penguin|🐦 bird|🦆 duck|🦉 owl|🐺 wolf|🐴 horse|🦄 unicorn|🐝 bee|🐛 bug|🦋 butterfly|🐌 snail|🐢 turtle|🐍 snake|🐙 octopus|🐬 dolphin|🐳 whale|🦈 shark|🌵 cactus|🌲 tree evergreen|🌴 palm|🍀 clover luck|🌸 blossom flower|🌹 rose|🌻 sunflower|🌞 sun|🌙 moon|⭐ star|🌟 glowing star|⚡ zap lightning|🔥 fire flame lit|🌈 rainbow|☀️ sunny|☁️ cloud|❄️ snowflake cold|💧 droplet water|🌊 wave ocean`,
  Food: `🍏 green apple|🍎 apple|🍌 banana|🍉 watermelon|🍇 grapes|🍓 strawberry|🍒 cherries|🍑 peach|🍍 pineapple|🥑 avocado|🌶️ hot pepper|🌽 corn|🥕 carrot|🍞 bread|🧀 cheese|🍳 egg cooking|🥓 bacon|🍔 burger hamburger|🍟 fries|🍕 pizza|🌭 hotdog|🌮 taco|🍜 ramen noodles|🍣 sushi|🍦 ice cream|🍩 donut doughnut|🍪 cookie|🎂 birthday cake|🍰 cake|🍫 chocolate|🍿 popcorn|☕ coffee|🍵 tea|🍺 beer|🍻 beers cheers|🍷 wine|🍸 cocktail|🥤 soda`,
  Activities: `⚽ soccer football|🏀 basketball|🏈 american football|⚾ baseball|🎾 tennis|🏐 volleyball|🎱 billiards 8ball|🏓 ping pong|🏆 trophy win|🥇 gold medal first|🎮 video game controller|🕹️ joystick|🎲 dice game|🧩 puzzle|🎯 dart target bullseye|🎳 bowling|🎸 guitar|🎹 piano|🎤 microphone sing|🎧 headphones|🎬 clapper movie|🎨 art palette|🎉 tada party celebrate|🎊 confetti|🎁 gift present|🎈 balloon|✨ sparkles|🎃 pumpkin halloween|🎄 christmas tree`,
  Objects: `💻 laptop computer|🖥️ desktop computer|⌨️ keyboard|🖱️ mouse computer|📱 phone mobile|📷 camera|💡 bulb idea|🔦 flashlight|📚 books|📖 book|📝 memo note|✏️ pencil|📌 pin pushpin|📎 paperclip|🔒 lock|🔑 key|🔨 hammer|🛠️ tools|⚙️ gear settings|🧪 test tube|💊 pill|💰 money bag|💸 money wings|📈 chart up|📉 chart down|📅 calendar|⏰ alarm clock|⌛ hourglass|🚀 rocket launch ship|✈️ airplane|🚗 car|🏠 house home|🔔 bell|📢 loudspeaker announce|💬 speech bubble|🗑️ wastebasket trash`,
  Symbols: `❤️ heart love red|🧡 orange heart|💛 yellow heart|💚 green heart|💙 blue heart|💜 purple heart|🖤 black heart|🤍 white heart|💔 broken heart|💕 two hearts|💯 100 hundred|✅ check yes done|☑️ ballot check|✔️ check mark|❌ x cross no|❎ cross mark|❗ exclamation|❓ question|⚠️ warning|🚫 no entry prohibited|⛔ no entry|🔴 red circle|🟢 green circle|🔵 blue circle|⭕ circle|➕ plus|➖ minus|➡️ right arrow|⬅️ left arrow|⬆️ up arrow|⬇️ down arrow|🔁 repeat|🆗 ok button|🆕 new|🆒 cool|💤 zzz sleep|♻️ recycle|™️ trademark`,
};

export const EMOJI_CATEGORIES: { name: string; emoji: EmojiEntry[] }[] = Object.entries(RAW).map(
  ([name, list]) => ({
    name,
    emoji: list.split('|').map((entry) => {
      const [emoji, ...words] = entry.trim().split(' ');
      return { emoji: emoji!, name: words.join(' ') };
    }),
  }),
);

export const ALL_EMOJI: EmojiEntry[] = EMOJI_CATEGORIES.flatMap((category) => category.emoji);

/** Emoji whose words start with every word of the query ("heart" finds ❤️ and 💔; "he ey" finds 😍). */
export function searchEmoji(query: string): EmojiEntry[] {
  const terms = query.toLowerCase().trim().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return ALL_EMOJI;
  return ALL_EMOJI.filter((entry) => {
    const words = entry.name.split(' ');
    return terms.every((term) => words.some((word) => word.startsWith(term)) || entry.emoji === term);
  });
}

const RECENT_KEY = 'bonfire.recentEmoji';
const RECENT_MAX = 16;

/** The emoji this browser used last, most recent first. */
export function recentEmoji(
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): string[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(RECENT_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberEmoji(
  emoji: string,
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.localStorage,
): string[] {
  const next = [emoji, ...recentEmoji(storage).filter((item) => item !== emoji)].slice(0, RECENT_MAX);
  try {
    storage?.setItem(RECENT_KEY, JSON.stringify(next));
  } catch {
    // Storage full or blocked: recents are a convenience.
  }
  return next;
}
