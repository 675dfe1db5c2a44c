// A long English article page, made of varied generated sentences (no two paragraphs alike, so
// none is a "duplicate"), with a block of page furniture every fifty paragraphs.

const SUBJECTS = ['The council', 'A local engineer', 'The harbour master', 'Several residents', 'The regional office', 'A group of fishermen', 'The planning inspector', 'Her neighbour', 'The new committee', 'An independent surveyor'];
const VERBS = ['proposed', 'questioned', 'supported', 'described', 'reviewed', 'criticised', 'welcomed', 'explained', 'postponed', 'measured'];
const OBJECTS = ['the cost of the flood wall', 'a plan for the old slipway', 'the survey of the eastern quay', 'the timetable for construction', 'the height of the spring tides', 'a gate for the fishing boats', 'the budget for the library', 'the route of the new footpath', 'the drainage under Quay Street', 'the report on the winter storms'];
const TAILS = ['during a long meeting on Tuesday', 'before the summer holidays', 'in a letter to the local paper', 'after visiting the market', 'while the tide was coming in', 'at the public drop-in session', 'with some reluctance', 'for the third time this year', 'in front of a crowded hall', 'without giving any figures'];
const AFTER = ['and said that more work was needed', 'although nobody could agree on the details', 'because the winter had been unusually wet', 'so that the families on the quay could plan ahead', 'which surprised many of those present', 'and promised to publish the numbers soon'];

const FURNITURE = ['<div class="share"><button>Share</button><button>Tweet</button></div>', '<div>2,500 $</div>', '<div>Subscribe</div>', '<div>55 Comments</div>'];

/**
 * An HTML page whose article text is at least `chars` UTF-16 code units long.
 * @param {number} chars
 * @returns {string}
 */
export function longArticle(chars) {
  let seed = 42;
  const pick = (/** @type {string[]} */ list) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return list[seed % list.length];
  };
  const parts = ['<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A very long article</title></head><body><main><h1>A very long article about the harbour</h1><article>'];
  let length = 0;
  for (let p = 0; length < chars; p++) {
    if (p % 50 === 25) parts.push(FURNITURE[(p / 50) % FURNITURE.length | 0]);
    const sentences = [];
    for (let s = 0; s < 5; s++) sentences.push(`${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(TAILS)}, ${pick(AFTER)} (paragraph ${p + 1}, point ${s + 1}).`);
    const text = sentences.join(' ');
    length += text.length + 1;
    parts.push(`<p>${text}</p>`);
  }
  parts.push('</article></main></body></html>');
  return parts.join('\n');
}
