/* Click-to-play videos: a paragraph that is only a YouTube or Vimeo
   address is built as a link in a .video box whose data-embed holds the
   player's address (youtube-nocookie.com, or player.vimeo.com with
   dnt=1). Nothing is fetched from the video's host until the reader
   presses the play button added here, whose words come from the page's
   template[data-video-play]. Without JavaScript the link stays a plain link. */
(function () {
  'use strict';
  var PLAYERS = ['https://www.youtube-nocookie.com/embed/', 'https://player.vimeo.com/video/'];
  function allowed(src) {
    return PLAYERS.some(function (p) { return src.indexOf(p) === 0; });
  }
  document.addEventListener('DOMContentLoaded', function () {
    var tpl = document.querySelector('template[data-video-play]');
    if (!tpl || !tpl.content) return;
    Array.prototype.forEach.call(document.querySelectorAll('.video[data-embed]'), function (box) {
      var src = box.getAttribute('data-embed');
      if (!allowed(src)) return;
      var button = tpl.content.querySelector('button').cloneNode(true);
      var host = button.querySelector('.video-host');
      if (host) host.textContent = box.getAttribute('data-host') || '';
      button.addEventListener('click', function () {
        var frame = document.createElement('iframe');
        frame.src = src;
        frame.title = tpl.getAttribute('data-title') || '';
        frame.allow = 'autoplay; fullscreen; picture-in-picture; encrypted-media';
        frame.allowFullscreen = true;
        frame.referrerPolicy = 'strict-origin-when-cross-origin';
        box.insertBefore(frame, box.firstChild);
        box.classList.add('video-playing');
        button.remove();
        frame.focus();
      });
      box.appendChild(button);
    });
  });
})();
