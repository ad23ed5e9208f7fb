/*
 * dossier — the search page. The index is built with the site (search/meta.js, search/index/*.js,
 * search/docs/*.js); each file is a script that hands its data to window.dossierSearch.add, so that
 * the search works opened from disk too, where browsers refuse fetch(). A query loads only the
 * files its words need. Words are cut and folded exactly as SearchTokenizer.swift cuts the text.
 */
(function () {
  'use strict';

  var results = document.getElementById('search-results');
  var form = document.querySelector('.search-form');
  if (!results || !form) {
    return;
  }
  var input = form.querySelector('input[name="q"]');
  var status = document.getElementById('search-status');
  var moreButton = document.getElementById('search-more');
  var root = results.getAttribute('data-root') || '../';
  var fromDisk = window.location.protocol === 'file:';
  var pageSize = 20;

  /* ---------- Loading data files as scripts ---------- */

  var loaded = {};   // id → data handed over by a data script
  var waiting = {};  // id → promise of that data

  window.dossierSearch = {
    add: function (id, data) {
      loaded[id] = data;
    }
  };

  function load(id, file) {
    if (!waiting[id]) {
      waiting[id] = new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        script.src = file;
        script.async = true;
        script.onload = function () {
          if (Object.prototype.hasOwnProperty.call(loaded, id)) {
            resolve(loaded[id]);
          } else {
            reject(new Error('le fichier ' + file + ' ne contient pas les données attendues'));
          }
        };
        script.onerror = function () {
          delete waiting[id];
          reject(new Error('le fichier ' + file + ' est introuvable'));
        };
        document.head.appendChild(script);
      });
    }
    return waiting[id];
  }

  function loadMeta() {
    return load('meta', 'meta.js');
  }

  /* ---------- Words: folded and cut like the index ---------- */

  var apostrophes = '\'`\u00b4\u2018\u2019\u02b9\u02bc\u2032';
  var invisible = '\u00ad\u200c\u200d\u2060\ufeff\u02bb\u02be\u02bf';
  var wordCharacter = /[\p{L}\p{N}\p{M}]/u;
  var special = { '\u00df': 'ss', '\u00e6': 'ae', '\u0153': 'oe', '\u00f8': 'o', '\u0142': 'l', '\u0111': 'd',
    '\u00f0': 'd', '\u00fe': 'th', '\u0131': 'i' };

  function fold(word) {
    return word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')
      .replace(/[\u00df\u00e6\u0153\u00f8\u0142\u0111\u00f0\u00fe\u0131]/g, function (c) { return special[c]; });
  }

  /* The words of a text with where they are: [{word, start, end}], elisions dropped. */
  function words(text, elided) {
    var found = [];
    var current = '';
    var start = 0;
    var index = 0;
    function finish(beforeApostrophe, end) {
      if (current) {
        var word = fold(current);
        if (!(beforeApostrophe && elided[word])) {
          found.push({ word: word, start: start, end: end });
        }
      }
      current = '';
    }
    for (var character of text) {
      var next = index + character.length;
      if (invisible.indexOf(character) >= 0) {
        // Part of the word, but not of its folded form.
      } else if (apostrophes.indexOf(character) >= 0) {
        finish(true, index);
      } else if (character.charCodeAt(0) < 0x80 ? /[A-Za-z0-9]/.test(character) : wordCharacter.test(character)) {
        if (!current) {
          start = index;
        }
        current += character;
      } else {
        finish(false, index);
      }
      index = next;
    }
    finish(false, index);
    return found;
  }

  function asSet(list) {
    var set = {};
    list.forEach(function (item) { set[item] = true; });
    return set;
  }

  /* The words of a query: stop words dropped, except the last one, which may be the start of a word being typed. */
  function queryTerms(query, meta) {
    var elided = asSet(meta.elided);
    var stop = asSet(meta.stop);
    var all = words(query, elided);
    var terms = [];
    all.forEach(function (item, position) {
      if (stop[item.word] && position < all.length - 1) {
        return;
      }
      // One letter is too little to stand for every word it begins: it must be a whole word.
      terms.push({ word: item.word, prefix: Array.from(item.word).length >= 2 });
    });
    var seen = {};
    return terms.filter(function (term) {
      var known = seen[term.word];
      seen[term.word] = true;
      return !known;
    });
  }

  /* ---------- Shards ---------- */

  function fileName(key) {
    var name = '';
    for (var character of key) {
      name += /[a-z0-9]/.test(character) ? character : '_' + character.codePointAt(0).toString(16);
    }
    return name;
  }

  /* The shard keys that can hold words beginning with (or equal to) the term. */
  function shardsFor(term, meta) {
    var keys = [];
    var longest = '';
    meta.shards.forEach(function (key) {
      if (term.prefix && key.length > term.word.length && key.indexOf(term.word) === 0) {
        keys.push(key);
      } else if (term.word.indexOf(key) === 0 && key.length > longest.length) {
        longest = key;
      }
    });
    if (longest) {
      keys.push(longest);
    }
    return keys;
  }

  function loadShard(key) {
    return load('i:' + key, 'index/' + fileName(key) + '.js');
  }

  /* Document number → weight for one term: an exact word counts double against a longer word it begins. */
  function matches(term, shards) {
    var found = {};
    shards.forEach(function (shard) {
      Object.keys(shard).forEach(function (word) {
        var exact = word === term.word;
        if (!exact && !(term.prefix && word.indexOf(term.word) === 0)) {
          return;
        }
        var postings = shard[word];
        var documentNumber = 0;
        for (var i = 0; i < postings.length; i += 2) {
          documentNumber += postings[i];
          var weight = exact ? 2 * postings[i + 1] : postings[i + 1];
          if (!found[documentNumber] || found[documentNumber] < weight) {
            found[documentNumber] = weight;
          }
        }
      });
    });
    return found;
  }

  /* ---------- Searching ---------- */

  /* Every document that holds all the terms, best first: entities, then articles, each by score. */
  function search(terms, meta) {
    var perTerm = terms.map(function (term) {
      var keys = shardsFor(term, meta);
      return Promise.all(keys.map(loadShard)).then(function (shards) { return matches(term, shards); });
    });
    return Promise.all(perTerm).then(function (found) {
      found.sort(function (a, b) { return Object.keys(a).length - Object.keys(b).length; });
      var hits = [];
      Object.keys(found[0] || {}).forEach(function (key) {
        var score = 0;
        for (var i = 0; i < found.length; i++) {
          if (!found[i][key]) {
            return;
          }
          score += found[i][key];
        }
        var number = Number(key);
        hits.push({ number: number, entity: number < meta.entities, score: score });
      });
      hits.sort(function (a, b) {
        if (a.entity !== b.entity) {
          return a.entity ? -1 : 1;
        }
        return b.score - a.score || a.number - b.number;
      });
      return hits;
    });
  }

  function loadDocuments(hits, meta) {
    var blocks = {};
    hits.forEach(function (hit) { blocks[Math.floor(hit.number / meta.block)] = true; });
    return Promise.all(Object.keys(blocks).map(function (block) {
      return load('d:' + block, 'docs/' + block + '.js');
    })).then(function () {
      return hits.map(function (hit) {
        var row = loaded['d:' + Math.floor(hit.number / meta.block)][hit.number % meta.block];
        return { url: row[0], title: row[1], label: row[2], datetime: row[3], text: row[4], entity: hit.entity };
      });
    });
  }

  /* ---------- Showing results ---------- */

  function href(url) {
    var target = root + url;
    if (fromDisk && target.charAt(target.length - 1) === '/') {
      target += 'index.html';  // opened from disk, a folder shows a listing, not its page
    }
    return target;
  }

  /* The ranges of the text's words that the query matches. */
  function matchedRanges(text, terms, elided) {
    return words(text, elided).filter(function (item) {
      return terms.some(function (term) {
        return item.word === term.word || term.prefix && item.word.indexOf(term.word) === 0;
      });
    });
  }

  /* Appends text to an element with the matched words in <mark>: built as nodes, never as markup. */
  function appendMarked(element, text, ranges) {
    var cursor = 0;
    ranges.forEach(function (range) {
      element.appendChild(document.createTextNode(text.slice(cursor, range.start)));
      var mark = document.createElement('mark');
      mark.textContent = text.slice(range.start, range.end);
      element.appendChild(mark);
      cursor = range.end;
    });
    element.appendChild(document.createTextNode(text.slice(cursor)));
  }

  /* A part of the text around its first match, about 200 characters, cut at spaces. */
  function snippet(text, ranges) {
    var from = 0;
    if (ranges.length && ranges[0].start > 80) {
      from = text.indexOf(' ', ranges[0].start - 60) + 1;
    }
    var to = Math.min(text.length, from + 220);
    if (to < text.length) {
      var space = text.lastIndexOf(' ', to);
      to = space > from ? space : to;
    }
    var part = { text: text.slice(from, to), ranges: [] };
    ranges.forEach(function (range) {
      if (range.start >= from && range.end <= to) {
        part.ranges.push({ start: range.start - from, end: range.end - from });
      }
    });
    if (from > 0) {
      part.text = '… ' + part.text;
      part.ranges.forEach(function (range) { range.start += 2; range.end += 2; });
    }
    if (to < text.length && part.text.slice(-1) !== '…') {
      part.text += ' …';
    }
    return part;
  }

  function renderResult(document_, terms, elided) {
    var item = document.createElement('li');
    item.className = document_.entity ? 'search-result search-result-entity' : 'search-result';
    var heading = document.createElement('h2');
    heading.className = 'search-result-title';
    var link = document.createElement('a');
    link.href = href(document_.url);
    appendMarked(link, document_.title, matchedRanges(document_.title, terms, elided));
    heading.appendChild(link);
    item.appendChild(heading);
    if (document_.label) {
      var meta = document.createElement(document_.datetime ? 'time' : 'p');
      meta.className = 'search-result-meta';
      if (document_.datetime) {
        meta.setAttribute('datetime', document_.datetime);
      }
      meta.textContent = document_.label;
      item.appendChild(meta);
    }
    if (document_.text) {
      var part = snippet(document_.text, matchedRanges(document_.text, terms, elided));
      var paragraph = document.createElement('p');
      paragraph.className = 'search-result-snippet';
      appendMarked(paragraph, part.text, part.ranges);
      item.appendChild(paragraph);
    }
    return item;
  }

  /* ---------- The page ---------- */

  var latest = 0;      // the number of the last search started: an older one that ends later is dropped
  var current = null;  // {hits, terms, elided, meta, shown} of the search on screen

  function say(text) {
    status.textContent = text;
  }

  function plural(count, one, many) {
    return count + ' ' + (count === 1 ? one : many);
  }

  function showMore() {
    var state = current;
    var next = state.hits.slice(state.shown, state.shown + pageSize);
    return loadDocuments(next, state.meta).then(function (documents) {
      if (state !== current) {
        return;
      }
      documents.forEach(function (document_) {
        results.appendChild(renderResult(document_, state.terms, state.elided));
      });
      state.shown += next.length;
      moreButton.hidden = state.shown >= state.hits.length;
    });
  }

  function run(query) {
    var number = ++latest;
    results.setAttribute('aria-busy', 'true');
    loadMeta().then(function (meta) {
      var terms = queryTerms(query, meta);
      if (!terms.length) {
        return { hits: [], terms: terms, meta: meta };
      }
      return search(terms, meta).then(function (hits) { return { hits: hits, terms: terms, meta: meta }; });
    }).then(function (found) {
      if (number !== latest) {
        return null;
      }
      results.textContent = '';
      moreButton.hidden = true;
      current = { hits: found.hits, terms: found.terms, elided: asSet(found.meta.elided), meta: found.meta, shown: 0 };
      if (!query.trim()) {
        say('');
        return null;
      }
      var entities = found.hits.filter(function (hit) { return hit.entity; }).length;
      say(found.hits.length ? plural(found.hits.length, 'résultat', 'résultats') + ' pour « ' + query.trim() + ' » (' +
        plural(entities, 'entité', 'entités') + ', ' + plural(found.hits.length - entities, 'article', 'articles') + ')'
        : 'Aucun résultat pour « ' + query.trim() + ' ».');
      return showMore();
    }).catch(function (error) {
      if (number === latest) {
        say('La recherche n’a pas pu se charger : ' + error.message + '.');
      }
    }).then(function () {
      if (number === latest) {
        results.setAttribute('aria-busy', 'false');  // also tells a test that the results are all there
      }
    });
  }

  function queryFromAddress() {
    return new URLSearchParams(window.location.search).get('q') || '';
  }

  function keepInAddress(query) {
    var search = query ? '?q=' + encodeURIComponent(query) : '';
    try {
      window.history.replaceState(null, '', window.location.pathname + search + window.location.hash);
    } catch (error) {
      // Some browsers refuse to change the address of a page opened from disk: the search still works.
    }
  }

  var timer = 0;
  input.addEventListener('input', function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      keepInAddress(input.value);
      run(input.value);
    }, 250);
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    keepInAddress(input.value);
    run(input.value);
  });
  moreButton.addEventListener('click', function () {
    showMore();
  });

  var initial = queryFromAddress();
  if (initial) {
    input.value = initial;
    run(initial);
  }
})();
