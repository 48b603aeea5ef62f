// The demo page: rate items from the feed and watch outfits and picks follow; similar items, shop the look, try-on.
import {
  ApiError, currentSession, getJson, imageUrl, newDemoSession, onSessionChange, openSession, randomId, sendForm,
  sendJson, useToken,
} from './api.js';
import { detailsOf, el, fill, itemActions, picture, tile, titleOf } from './views.js';

const $ = (id) => document.getElementById(id);
const user = () => encodeURIComponent(currentSession().userId);
const delay = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

const state = {
  queue: [], seen: new Set(), cursor: null, feedDone: false, feedLoading: null,
  refreshing: false, refreshAgain: false, outfitRetry: null, tryOnItem: null, generation: 0,
};
const actions = { similar: showSimilar, tryOn: chooseTryOn };

// ---- messages -------------------------------------------------------------------------------------------------

function report(error) {
  const text = error instanceof ApiError ? error.message : `Something went wrong: ${error.message || error}`;
  const note = el('p', { class: 'message' }, el('span', { text }));
  note.append(el('button', {
    type: 'button', class: 'close', 'aria-label': 'Dismiss this message', onclick: () => note.remove(),
  }, '×'));
  const box = $('messages');
  box.append(note);
  while (box.children.length > 3) {
    box.firstElementChild.remove();
  }
}

function busy(node, value) {
  node.setAttribute('aria-busy', value ? 'true' : 'false');
}

// ---- session --------------------------------------------------------------------------------------------------

const KINDS = { demo: 'demo session', local: 'local id, no token', pasted: 'your token' };

function showSession(session) {
  $('user-id').textContent = session.userId;
  $('session-kind').textContent = session.kind === 'pasted' && !session.token ? 'no token' : KINDS[session.kind] || '';
  const form = $('account-form');
  form.elements.userId.value = session.userId;
  form.elements.token.value = session.token || '';
}

async function switchSession(open) {
  try {
    showSession(await open());
    $('account').open = false;
    restart();
  } catch (error) {
    report(error);
  }
}

// ---- feed -----------------------------------------------------------------------------------------------------

function fillFeed() {
  if (!state.feedLoading && !state.feedDone && state.queue.length < 4) {
    const generation = state.generation;
    let more = false;
    const params = new URLSearchParams({ limit: '12' });
    if (state.cursor) {
      params.set('cursor', state.cursor);
    }
    state.feedLoading = getJson(`/v1/users/${user()}/feed?${params}`).then((page) => {
      if (generation !== state.generation) {
        return;
      }
      for (const item of page.items) {
        if (!state.seen.has(item.id)) {
          state.seen.add(item.id);
          state.queue.push(item);
        }
      }
      state.cursor = page.nextCursor || null;
      state.feedDone = !page.nextCursor;
      more = !state.feedDone && state.queue.length < 4;
    }).catch(report).finally(() => {
      state.feedLoading = null;
      if (!$('card-holder').querySelector('.card')) {
        showCard();
      }
      if (more) {
        fillFeed();
      }
    });
  }
}

function showCard(direction = '') {
  const holder = $('card-holder');
  const item = state.queue[0];
  $('like').disabled = !item;
  $('dislike').disabled = !item;
  busy(holder, !item && !state.feedDone);
  if (!item) {
    holder.replaceChildren(el('p', {
      class: 'empty muted', text: state.feedDone ? 'You have rated every item in the feed.' : 'Loading items…',
    }));
    return;
  }
  const card = el('article', { class: `card ${direction}`, 'data-item-id': item.id, 'aria-label': titleOf(item) },
    picture(item, 'large'),
    el('h3', { text: titleOf(item) }),
    el('p', { class: 'muted', text: detailsOf(item) }),
    itemActions(item, actions));
  swipeable(card);
  holder.replaceChildren(card);
}

async function rate(signal) {
  const item = state.queue.shift();
  if (!item) {
    return;
  }
  showCard(signal === 'like' ? 'from-left' : 'from-right');
  fillFeed();
  try {
    await sendJson(`/v1/users/${user()}/feedback`, { itemId: item.id, signal, clientEventId: randomId() + randomId() });
    refreshPersonal();
  } catch (error) {
    report(error);
  }
}

function swipeable(card) {
  let start = null;
  card.addEventListener('pointerdown', (event) => {
    start = { x: event.clientX, y: event.clientY };
  });
  card.addEventListener('pointercancel', () => {
    start = null;
  });
  card.addEventListener('pointerup', (event) => {
    if (!start) {
      return;
    }
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    start = null;
    if (Math.abs(dx) > 60 && Math.abs(dx) > 1.5 * Math.abs(dy)) {
      rate(dx > 0 ? 'like' : 'dislike');
    }
  });
}

// ---- outfits and recommendations ------------------------------------------------------------------------------

async function refreshPersonal() {
  if (state.refreshing) {
    state.refreshAgain = true;
    return;
  }
  state.refreshing = true;
  try {
    do {
      state.refreshAgain = false;
      await Promise.all([loadOutfits(), loadRecommendations()]);
    } while (state.refreshAgain);
  } finally {
    state.refreshing = false;
  }
}

const ANCHORS = {
  likes: 'Built around items you liked.',
  popular: 'Built around popular items: like a few to make them yours.',
  anchor: 'Built around the chosen item.',
};

async function loadOutfits() {
  const box = $('outfits');
  busy(box, true);
  clearTimeout(state.outfitRetry);
  try {
    const page = await getJson(`/v1/users/${user()}/outfits?k=3`);
    box.dataset.anchorSource = page.anchorSource;
    const preference = page.preference === 'popular' ? '' : ' Pieces lean to your taste.';
    $('outfits-source').textContent = (ANCHORS[page.anchorSource] || '') + preference;
    box.replaceChildren(...(page.outfits.length ? page.outfits.map(outfit)
      : [el('p', { class: 'empty muted', text: 'No complete outfit can be made yet.' })]));
  } catch (error) {
    if (error.status === 503) {
      $('outfits-source').textContent = 'The outfit model is still loading; trying again shortly…';
      state.outfitRetry = setTimeout(loadOutfits, 3000);
    } else {
      report(error);
    }
  } finally {
    busy(box, false);
  }
}

function outfit(look) {
  const anchor = look.items.find((piece) => piece.item.id === look.anchorItemId);
  return el('article', { class: 'outfit', 'data-anchor-item-id': look.anchorItemId },
    el('header', {},
      el('h3', { text: anchor ? `With ${titleOf(anchor.item)}` : 'Outfit' }),
      el('span', {
        class: 'badge', title: 'How well the pieces go together (mean pair score)',
        text: `match ${look.score.toFixed(2)}`,
      })),
    el('ul', { class: 'tiles compact' }, look.items.map((piece) => tile(piece.item, piece.slot, actions))));
}

const STRATEGIES = {
  model: 'from your trained taste',
  'model+fold-in': 'from your trained taste and latest likes',
  'fold-in': 'from the items you rated',
  content: 'from what the items you liked look like',
  'model+content': 'from your trained taste and what you liked looks like',
  'model+fold-in+content': 'from your trained taste, latest likes and what they look like',
  'fold-in+content': 'from the items you rated and what they look like',
};

function reasonOf(recommendation) {
  const reason = recommendation.reason || {};
  if (reason.type === 'similar-to-liked') {
    return `Because you liked ${reason.title || reason.itemId}`;
  }
  if (reason.type === 'taste-profile') {
    return 'Matches your taste';
  }
  return `${recommendation.item.likes} likes`;
}

async function loadRecommendations() {
  const list = $('recommendations');
  busy(list, true);
  try {
    const page = await getJson(`/v1/users/${user()}/recommendations?k=8`);
    $('recommendations-source').textContent = page.strategy === 'popular'
      ? 'Popular right now: like a few items to make this yours.'
      : `Picked ${STRATEGIES[page.strategy] || 'for you'}${page.gender ? ` (${page.gender})` : ''}.`;
    fill(list, page.items.map((rec) => tile(rec.item, reasonOf(rec), actions)), 'Nothing to recommend yet.');
  } catch (error) {
    report(error);
  } finally {
    busy(list, false);
  }
}

// ---- similar items --------------------------------------------------------------------------------------------

async function showSimilar(item) {
  const list = $('similar');
  $('similar-title').textContent = `Similar to ${titleOf(item)}`;
  $('similar-source').textContent = 'Looking…';
  busy(list, true);
  $('similar-panel').scrollIntoView({ block: 'nearest' });
  try {
    const found = await getJson(`/v1/items/${encodeURIComponent(item.id)}/similar?k=8`);
    $('similar-source').textContent = found.indexing ? 'The catalogue is still being indexed: results may grow.' : '';
    fill(list, found.results.map((hit) => tile(hit.item, `similarity ${hit.score.toFixed(2)}`, actions)),
      'No similar items found yet.');
  } catch (error) {
    $('similar-source').textContent = '';
    report(error);
  } finally {
    busy(list, false);
  }
}

// ---- shop the look --------------------------------------------------------------------------------------------

const REGION_SOURCES = {
  client: 'your boxes', detector: 'detected', 'body-proportions': 'from body proportions',
  'fixed-proportions': 'fixed proportions',
};
const BOX_COLOURS = ['#e4572e', '#17bebb', '#ffc914', '#76b041', '#a05195', '#2e86de'];

async function drawLook(file, result) {
  const canvas = $('shop-photo');
  let photo;
  try {
    photo = await createImageBitmap(file);
  } catch {
    canvas.hidden = true;
    return;
  }
  const scale = Math.min(1, 640 / result.width);
  canvas.width = Math.round(result.width * scale);
  canvas.height = Math.round(result.height * scale);
  const context = canvas.getContext('2d');
  context.drawImage(photo, 0, 0, canvas.width, canvas.height);
  context.lineWidth = 3;
  context.font = 'bold 14px system-ui, sans-serif';
  result.regions.forEach((region, i) => {
    const { x0, y0, x1, y1 } = region.box;
    context.strokeStyle = BOX_COLOURS[i % BOX_COLOURS.length];
    context.fillStyle = context.strokeStyle;
    context.strokeRect(x0 * scale, y0 * scale, (x1 - x0) * scale, (y1 - y0) * scale);
    context.fillText(region.slot, x0 * scale + 5, y0 * scale + 17);
  });
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', `Your photo with ${result.regions.length} garment regions marked`);
  canvas.hidden = false;
}

async function shopTheLook(event) {
  event.preventDefault();
  const form = event.target;
  const file = form.elements.image.files[0];
  const results = $('shop-results');
  if (!file) {
    return;
  }
  const data = new FormData();
  data.append('image', file);
  form.querySelector('button').disabled = true;
  results.replaceChildren(el('p', { class: 'muted', text: 'Finding the pieces…' }));
  try {
    const result = await sendForm('/v1/shop-the-look?k=4', data);
    await drawLook(file, result);
    const summary = result.gender ? `Matched for ${result.gender} (${result.genderSource}).` : '';
    results.replaceChildren(el('p', { class: 'muted', text: summary }), ...result.regions.map((region) => el('div',
      { class: 'region', 'data-slot': region.slot },
      el('h3', {}, el('span', { class: 'slot', text: region.slot }),
        el('span', { class: 'muted', text: ` · ${REGION_SOURCES[region.source] || region.source}` })),
      el('ul', { class: 'tiles compact' },
        region.results.map((hit) => tile(hit.item, `similarity ${hit.score.toFixed(2)}`, actions))))));
    if (!result.regions.length) {
      results.append(el('p', { class: 'empty muted', text: 'No garment was found in this photo.' }));
    }
  } catch (error) {
    results.replaceChildren();
    report(error);
  } finally {
    form.querySelector('button').disabled = false;
  }
}

// ---- try-on ---------------------------------------------------------------------------------------------------

function chooseTryOn(item) {
  state.tryOnItem = item;
  $('tryon-item').textContent = titleOf(item);
  $('tryon-submit').disabled = false;
  $('tryon-panel').scrollIntoView({ block: 'nearest' });
}

const TRY_ON_STEPS = { queued: 'Waiting for a worker…', running: 'Dressing you…' };

async function tryOn(event) {
  event.preventDefault();
  const form = event.target;
  const file = form.elements.person.files[0];
  const item = state.tryOnItem;
  if (!file || !item) {
    return;
  }
  const status = $('tryon-status');
  const result = $('tryon-result');
  const data = new FormData();
  data.append('person', file);
  data.append('itemId', item.id);
  data.append('userId', currentSession().userId);
  $('tryon-submit').disabled = true;
  result.hidden = true;
  status.textContent = 'Sending your photo…';
  try {
    const { jobId } = await sendForm('/v1/tryon', data);
    for (let attempt = 0; attempt < 300; attempt++) {
      const job = await getJson(`/v1/tryon/${encodeURIComponent(jobId)}`);
      if (job.status === 'done') {
        result.src = await imageUrl(job.image);
        result.alt = `Try-on of ${titleOf(item)} on your photo`;
        result.hidden = false;
        status.textContent = `Done in ${((job.timings && job.timings.totalMs) || 0) / 1000} s (${job.engine}).`;
        return;
      }
      if (job.status === 'failed' || job.status === 'cancelled') {
        status.textContent = `Try-on ${job.status}: ${job.error || job.errorCode || 'no reason given'}`;
        return;
      }
      status.textContent = TRY_ON_STEPS[job.status] || job.status;
      await delay(1000);
    }
    status.textContent = 'The try-on is taking too long; try again later.';
  } catch (error) {
    status.textContent = '';
    report(error);
  } finally {
    $('tryon-submit').disabled = false;
  }
}

// ---- start ----------------------------------------------------------------------------------------------------

function restart() {
  state.generation++;
  Object.assign(state, { queue: [], cursor: null, feedDone: false, feedLoading: null });
  state.seen.clear();
  showCard();
  fillFeed();
  refreshPersonal();
}

function wire() {
  $('like').addEventListener('click', () => rate('like'));
  $('dislike').addEventListener('click', () => rate('dislike'));
  document.addEventListener('keydown', (event) => {
    if (event.target.closest('input, textarea, select') || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    if (event.key === 'ArrowRight') {
      rate('like');
    } else if (event.key === 'ArrowLeft') {
      rate('dislike');
    }
  });
  $('account-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const fields = event.target.elements;
    switchSession(async () => useToken(fields.userId.value.trim(), fields.token.value.trim()));
  });
  $('new-session').addEventListener('click', () => switchSession(newDemoSession));
  $('shop-form').addEventListener('submit', shopTheLook);
  $('tryon-form').addEventListener('submit', tryOn);
}

wire();
onSessionChange(showSession);
switchSession(openSession);
