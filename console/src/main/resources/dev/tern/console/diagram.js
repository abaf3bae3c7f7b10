// Draws the BPMN diagram of #diagram (its XML at data-xml) with bpmn-js's viewer, then puts the
// counts of the page's table rows tr.activity-counts on their activities: running tokens at the
// bottom left, open incidents at the bottom right. The table stays the source: the drawing only
// shows it (and the page works without it).
(function () {
  'use strict';
  var container = document.getElementById('diagram');
  if (!container || typeof BpmnJS === 'undefined') {
    return;
  }
  var viewer = new BpmnJS({ container: container });

  function badge(overlays, id, kind, count, position) {
    if (!count || count === '0') {
      return;
    }
    var el = document.createElement('span');
    el.className = 'badge ' + kind;
    el.title = kind === 'running' ? 'running' : 'incidents';
    el.textContent = count;
    overlays.add(id, kind, { position: position, html: el });
  }

  fetch(container.dataset.xml, { credentials: 'same-origin' })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.text();
    })
    .then(function (xml) {
      return viewer.importXML(xml);
    })
    .then(function () {
      var canvas = viewer.get('canvas');
      var overlays = viewer.get('overlays');
      var registry = viewer.get('elementRegistry');
      canvas.zoom('fit-viewport');
      document.querySelectorAll('tr.activity-counts').forEach(function (row) {
        var id = row.dataset.activity;
        if (!registry.get(id)) {
          return;
        }
        badge(overlays, id, 'running', row.dataset.running, { bottom: 8, left: -8 });
        badge(overlays, id, 'incidents', row.dataset.incidents, { bottom: 8, right: 8 });
        if (row.dataset.incidents && row.dataset.incidents !== '0') {
          canvas.addMarker(id, 'has-incidents');
        }
      });
      container.dataset.rendered = 'true';
    })
    .catch(function (error) {
      container.dataset.rendered = 'error';
      container.textContent = 'The diagram could not be drawn: ' + error.message;
    });
})();
