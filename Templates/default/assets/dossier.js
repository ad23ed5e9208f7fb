/* dossier — progressive enhancements; the site works without this script. */
(function () {
  'use strict';

  /*
   * Opened from disk, a link to "towns/boukamal/" shows a directory listing instead of the page:
   * point such links at the folder's index.html. On a web server, the clean URLs stay untouched.
   */
  function linkToIndexFiles() {
    var hasScheme = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;
    var xlink = 'http://www.w3.org/1999/xlink';
    var links = document.getElementsByTagName('a');

    for (var i = 0; i < links.length; i++) {
      var link = links[i];
      var attribute = link.hasAttribute('href') ? 'href' : null;
      var href = attribute ? link.getAttribute('href') : link.getAttributeNS(xlink, 'href');
      if (!href || hasScheme.test(href) || href.slice(0, 2) === '//') {
        continue;
      }
      var cut = href.search(/[?#]/);
      var path = cut < 0 ? href : href.slice(0, cut);
      var rest = cut < 0 ? '' : href.slice(cut);
      if (/(^|\/)\.\.?$/.test(path)) {
        path += '/';
      }
      if (path === '' || path.charAt(path.length - 1) !== '/') {
        continue;
      }
      var fixed = path + 'index.html' + rest;
      if (attribute) {
        link.setAttribute('href', fixed);
      } else {
        link.setAttributeNS(xlink, 'xlink:href', fixed);
      }
    }

    // The search box sends its query to a folder too ("../search/"): the same cure.
    var forms = document.getElementsByTagName('form');
    for (var j = 0; j < forms.length; j++) {
      var action = forms[j].getAttribute('action');
      if (action && !hasScheme.test(action) && /\/$/.test(action)) {
        forms[j].setAttribute('action', action + 'index.html');
      }
    }
  }

  if (window.location.protocol === 'file:') {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', linkToIndexFiles);
    } else {
      linkToIndexFiles();
    }
  }
})();
