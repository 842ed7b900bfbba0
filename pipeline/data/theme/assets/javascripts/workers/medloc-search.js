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

  self.addEventListener("message", function (event) {
    var message = event.data
    if (!message) return
    if (message.type === SETUP && message.data && message.data.config)
      perCharacter = splitsHan(message.data.config.separator)
    else if (message.type === QUERY && perCharacter && typeof message.data === "string")
      message.data = message.data.replace(HAN_RUN, requireEachCharacter).trim()
  })

  var worker = new URLSearchParams(self.location.search).get("worker")
  if (worker && /^search\.[0-9a-f]+\.min\.js$/.test(worker))
    importScripts(worker)
})()
