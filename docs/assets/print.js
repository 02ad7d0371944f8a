/* Printing: tell print.css which links point into this site, so that only external links
   print their address. Material's instant navigation rewrites internal links to absolute
   URLs while the page runs, so the href alone cannot say which is which. */
(function () {
  "use strict";
  function markInternal() {
    var links = document.querySelectorAll(".md-content a[href]");
    for (var i = 0; i < links.length; i++) {
      if (links[i].host === window.location.host) links[i].setAttribute("data-internal", "");
    }
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(markInternal);
  } else {
    document.addEventListener("DOMContentLoaded", markInternal);
  }
  window.addEventListener("beforeprint", markInternal);
})();
