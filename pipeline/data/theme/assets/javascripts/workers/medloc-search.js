/* medloc: a thin wrapper around Material's search worker (loaded below).
 *
 * Chinese has no spaces, so medloc's search separator indexes every Han
 * character as a token (pipeline/site_search.py). Material's worker then
 * tries to segment a Chinese query against the index and, with one-character
 * tokens, drops the last character and can end up with an empty wildcard term
 * that matches every page. This wrapper turns each run of Han characters in a
 * query into required one-character terms ("椎管狭窄" -> "+椎 +管 +狭 +窄"), so a
 * result must contain every character of the query. It only does so when the
 * index really splits Han text per character (tested on the separator itself),
 * so Japanese (TinySegmenter words) and every other language are untouched.
 *
 * Rules by script, for every language (a Thai word quoted on an English page
 * is found too), applied alike to the pages at setup and to each query:
 * - NFC: a translation saved decomposed (Vietnamese "tọa" as o + two
 *   combining marks) matches a query typed precomposed, and the reverse;
 * - soft hyphens and zero-width non-joiners (U+00AD, U+200C: Persian
 *   "سلول‌های") are dropped, so a word is found however its parts were typed
 *   (with ZWNJ, without it, or with a space: the first part then finds it by prefix);
 * - scripts written without spaces between words other than Han and kana
 *   (Thai, Lao, Khmer, Myanmar) are cut into words by the browser's
 *   Intl.Segmenter (ICU's dictionaries) with an invisible U+200B between
 *   words, which the separator then splits on; the words of such a query are
 *   all required, like the characters of a Chinese query.
 *
 * This listener is registered before Material's own, so it sees each message
 * first and may rewrite the query in place. */
(function () {
  "use strict"
  var SETUP = 0
  var QUERY = 2
  var HAN_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}/g
  var perCharacter = false

  function splitsHan(separator) {
    try {
      var parts = "\u4e2d\u6587".split(new RegExp(separator))
      return parts.filter(function (part) { return part }).length === 2
    } catch (error) {
      return false
    }
  }

  function requireEachCharacter(run) {
    return " " + Array.from(run).map(function (c) { return "+" + c }).join(" ") + " "
  }

  var UNSPACED_RUN = /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff\uaa60-\uaa7f]+/g
  var INVISIBLE = /[\u00ad\u200c]/g
  var words = typeof Intl !== "undefined" && Intl.Segmenter
    ? new Intl.Segmenter(undefined, { granularity: "word" })
    : null

  function wordsOf(run) {
    var found = []
    for (var part of words.segment(run)) if (part.segment.trim()) found.push(part.segment)
    return found
  }

  function prepare(text) {
    if (typeof text !== "string") return text
    text = text.normalize("NFC").replace(INVISIBLE, "")
    return words ? text.replace(UNSPACED_RUN, function (run) { return wordsOf(run).join("\u200b") }) : text
  }

  function prepareQuery(query) {
    query = query.normalize("NFC").replace(INVISIBLE, "")
    if (words)
      query = query.replace(UNSPACED_RUN, function (run) {
        var found = wordsOf(run)
        return found.length > 1 ? " " + found.map(function (w) { return "+" + w }).join(" ") + " " : run
      })
    return perCharacter ? query.replace(HAN_RUN, requireEachCharacter).trim() : query.trim()
  }

  self.addEventListener("message", function (event) {
    var message = event.data
    if (!message) return
    if (message.type === SETUP && message.data && message.data.config) {
      var config = message.data.config
      perCharacter = splitsHan(config.separator)
      config.separator = "\u200b|" + config.separator
      for (var doc of message.data.docs || []) {
        doc.title = prepare(doc.title)
        doc.text = prepare(doc.text)
      }
    }
    else if (message.type === QUERY && typeof message.data === "string")
      message.data = prepareQuery(message.data)
  })

  var worker = new URLSearchParams(self.location.search).get("worker")
  if (worker && /^search\.[0-9a-f]+\.min\.js$/.test(worker))
    importScripts(worker)
})()
