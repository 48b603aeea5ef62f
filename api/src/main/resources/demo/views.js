// DOM building blocks of the demo page: elements, item pictures (photo or a coloured stand-in) and item tiles.
import { imageUrl } from './api.js';

/** An element with attributes ('class', 'text', 'on<event>' handlers, others as attributes) and children. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (key === 'class') {
      node.className = value;
    } else if (key === 'text') {
      node.textContent = value;
    } else if (key.startsWith('on')) {
      node.addEventListener(key.slice(2), value);
    } else {
      node.setAttribute(key, value === true ? '' : value);
    }
  }
  node.append(...children.flat().filter((child) => child !== null && child !== undefined));
  return node;
}

export function titleOf(item) {
  return item.title || item.id;
}

export function detailsOf(item) {
  return [item.slot, item.gender, item.colour].filter(Boolean).join(' · ');
}

// colour names the stand-in picture has a swatch for (style.css .c-<name>)
const SWATCHES = new Set(['white', 'black', 'grey', 'navy', 'blue', 'red', 'pink', 'purple', 'green', 'olive',
  'yellow', 'orange', 'brown', 'beige', 'cream', 'silver', 'gold']);

/** The item's photo, fetched with the session's token; a swatch of its colour and slot until then or without one. */
export function picture(item, size = '') {
  const colour = (item.colour || '').toLowerCase();
  const holder = el('div', { class: `picture ${size}` },
    el('div', {
      class: `stand-in c-${SWATCHES.has(colour) ? colour : 'other'}`, role: 'img',
      'aria-label': `No photo of ${titleOf(item)}`,
    }, el('span', { text: item.slot || '' })));
  if (item.imageUrl) {
    imageUrl(item.imageUrl).then((url) => {
      holder.replaceChildren(el('img', { src: url, alt: titleOf(item), draggable: 'false' }));
    }, () => { /* no photo to show: the stand-in stays */ });
  }
  return holder;
}

/** Buttons that open an item's similar items or choose it for try-on. */
export function itemActions(item, actions) {
  const name = titleOf(item);
  return el('div', { class: 'item-actions' },
    el('button', {
      type: 'button', class: 'chip', 'aria-label': `Show items similar to ${name}`,
      onclick: () => actions.similar(item),
    }, 'Similar'),
    el('button', {
      type: 'button', class: 'chip', 'aria-label': `Try on ${name}`, onclick: () => actions.tryOn(item),
    }, 'Try on'));
}

/** A list entry for an item: picture, title, a caption line and the item actions. */
export function tile(item, caption, actions) {
  return el('li', { class: 'tile', 'data-item-id': item.id },
    picture(item),
    el('p', { class: 'tile-title', text: titleOf(item), title: titleOf(item) }),
    caption ? el('p', { class: 'tile-caption muted', text: caption }) : null,
    itemActions(item, actions));
}

/** Replaces a list's content with tiles, or with a note when there are none. */
export function fill(list, tiles, emptyNote) {
  list.replaceChildren(...(tiles.length ? tiles : [el('li', { class: 'empty muted', text: emptyNote })]));
}
