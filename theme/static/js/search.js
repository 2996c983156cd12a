// Search page: normalise the query the way briefs/publish/searchnorm.py normalised the index,
// then ask Pagefind. The tables come from the page (#search-rules, written from Python);
// the steps below mirror searchnorm.fold / words / base / query_text one for one, and
// tests/cases/search_normalise.json checks both sides give the same output.

/** Build the normaliser from the tables of briefs.publish.searchnorm.rules(). */
export function makeNormaliser(rules) {
  const marks = new RegExp(rules.marks, "gu");
  const arabic = new RegExp(rules.arabicLetter, "u");
  const foldTable = new Map(Object.entries(rules.fold));
  const variants = Object.entries(rules.variants);

  // NFKC, lower case, no harakat or tatweel, letter forms and digits folded.
  const fold = (text) =>
    Array.from(text.normalize("NFKC").toLowerCase().replace(marks, ""),
      (ch) => foldTable.get(ch) ?? ch).join("");

  // Letters and digits only (Python: [^\W_]+).
  const words = (text) => fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];

  // Strip leading clitics while MIN_BASE letters remain, then apply spelling variants.
  const base = (word) => {
    if (!arabic.test(word)) return word;
    let stripped = true;
    while (stripped) {
      stripped = false;
      for (const clitic of rules.clitics) {
        if (word.startsWith(clitic)
            && Array.from(word).length - Array.from(clitic).length >= rules.minBase) {
          word = word.slice(clitic.length);
          stripped = true;
          break;
        }
      }
    }
    for (const [variant, kept] of variants) word = word.split(variant).join(kept);
    return word;
  };

  const queryText = (query) => words(query).map(base).join(" ");
  return { fold, words, base, queryText };
}

function resultItem(data) {
  const item = document.createElement("li");
  item.className = "teaser-list__item";
  const article = document.createElement("article");
  article.className = "teaser";
  if (data.meta.lang) article.lang = data.meta.lang;
  article.dir = "auto";
  const title = document.createElement("h2");
  title.className = "teaser__title";
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title || data.url;
  title.append(link);
  article.append(title);
  if (data.meta.date) {
    const meta = document.createElement("p");
    meta.className = "teaser__meta";
    meta.textContent = data.meta.date;
    article.append(meta);
  }
  if (data.meta.summary) {
    const summary = document.createElement("p");
    summary.className = "teaser__summary";
    summary.textContent = data.meta.summary;
    article.append(summary);
  }
  item.append(article);
  return item;
}

// The second and later shards of the index, listed beside pagefind.js (mujaz-shards.json):
// paths relative to the bundle. The page carries no inline script (Content-Security-Policy).
async function shardPaths(bundle) {
  const response = await fetch(new URL("mujaz-shards.json", bundle));
  if (!response.ok) throw new Error(`mujaz-shards.json: HTTP ${response.status}`);
  const { shards } = await response.json();
  return Array.isArray(shards) ? shards : [];
}

async function run() {
  const page = document.querySelector(".search-page");
  const rulesElement = document.getElementById("search-rules");
  if (!page || !rulesElement) return;
  const normaliser = makeNormaliser(JSON.parse(rulesElement.textContent));
  globalThis.mujazSearch = normaliser; // for the tests, which compare it with Python's

  const query = (new URLSearchParams(location.search).get("q") || "").trim();
  for (const input of document.querySelectorAll('input[name="q"]')) input.value = query;
  const status = page.querySelector(".search-status");
  const list = page.querySelector(".search-results");
  document.documentElement.dataset.search = "ready";
  if (!query) return;

  document.documentElement.dataset.search = "searching";
  try {
    // Relative to the page, not to this script.
    const bundle = new URL(page.dataset.pagefind, document.baseURI);
    const [pagefind, shards] = await Promise.all([import(bundle.href), shardPaths(bundle)]);
    await pagefind.init();
    // The index is cut into shards (briefs/publish/search.py): the first is pagefind.js's
    // own, the others are merged into it, and one search runs over all of them.
    // A path, not a full URL: the results' links stay site-relative like the first shard's.
    await Promise.all(shards.map((path) => pagefind.mergeIndex(new URL(path, bundle).pathname)));
    const search = await pagefind.search(normaliser.queryText(query));
    const found = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
    list.replaceChildren(...found.map(resultItem));
    status.textContent = found.length
      ? page.dataset.msgResults.replace("{query}", query)
      : page.dataset.msgNone;
  } catch (error) {
    console.error("search:", error);
    status.textContent = page.dataset.msgError;
  }
  document.documentElement.dataset.search = "done";
}

run();
