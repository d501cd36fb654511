// The report's charts, drawn by Chart.js from the inline JSON (#report-data),
// then a self-check: how many charts hold painted pixels, written on <body>
// (data-charts-drawn, data-errors) for a headless browser to read back.
// Texts from the database reach Chart.js only, which paints them on a canvas:
// none is ever inserted as HTML.
(function () {
  "use strict";
  var body = document.body;
  var charts = [];

  function fail(what, error) {
    var seen = body.getAttribute("data-errors");
    var message = what + ": " + (error && error.message ? error.message : String(error));
    body.setAttribute("data-errors", (seen ? seen + " | " : "") + message);
  }

  function cut(text, length) {
    text = String(text);
    return text.length > length ? text.slice(0, length - 1) + "…" : text;
  }

  function draw(id, config) {
    var canvas = document.getElementById(id);
    if (!canvas) return; // the section had nothing to show
    try {
      charts.push(new Chart(canvas, config));
    } catch (error) {
      fail(id, error);
    }
  }

  function opener(urls) {
    // A click on a bar or a point opens that article (http(s) URLs only).
    return function (event, elements) {
      if (!elements.length) return;
      var url = urls[elements[0].index];
      if (/^https?:\/\//i.test(url || "")) window.open(url, "_blank", "noopener");
    };
  }

  var data, report, style;
  try {
    data = JSON.parse(document.getElementById("report-data").textContent);
    report = data.report;
    style = data.style;
  } catch (error) {
    fail("report-data", error);
    return;
  }
  if (typeof Chart === "undefined") {
    fail("Chart.js", "not loaded");
    return;
  }
  // Drawn at once, not animated: printing and the self-check see the final picture.
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.font.family = getComputedStyle(body).fontFamily;

  function colour(i) {
    return style.palette[i % style.palette.length];
  }

  // A board has one colour in every chart (and in the page's board legend).
  function boardColour(board) {
    return colour(Math.max(0, report.boards.indexOf(board)));
  }

  // Articles per month: one line per board.
  var monthly = report.monthly;
  var many = monthly.months.length > 36;
  draw("chart-monthly", {
    type: "line",
    data: {
      labels: monthly.months,
      datasets: Object.keys(monthly.series).map(function (board) {
        return {
          label: board,
          data: monthly.series[board],
          borderColor: boardColour(board),
          backgroundColor: boardColour(board),
          pointRadius: many ? 0 : 3,
          borderWidth: 2,
        };
      }),
    },
    options: {
      interaction: { mode: "index", intersect: false },
      scales: {
        y: { beginAtZero: true, title: { display: true, text: "articles" } },
        x: { ticks: { autoSkip: true, maxRotation: 0 } },
      },
    },
  });

  // Most read articles: horizontal bars.
  var top = report.top;
  draw("chart-top", {
    type: "bar",
    data: {
      labels: top.map(function (a) { return cut(a.title, 60); }),
      datasets: [{
        label: "hits",
        data: top.map(function (a) { return a.hits; }),
        backgroundColor: top.map(function (a) { return boardColour(a.board); }),
      }],
    },
    options: {
      indexAxis: "y",
      onClick: opener(top.map(function (a) { return a.url; })),
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            title: function (items) {
              var a = top[items[0].dataIndex];
              return a.title + " (" + a.board + " " + a.no + ", " + (a.published || "no date") + ")";
            },
          },
        },
      },
      scales: { x: { beginAtZero: true, title: { display: true, text: "hits" } } },
    },
  });

  // Hits against days since posting: a grey point an article (its latest counter),
  // and a coloured line for each recent article read on two days or more.
  var growth = report.growth;
  var readings = report.readings;
  var cloud = {
    label: "every article (latest counter)",
    data: readings.map(function (r) { return { x: r.days, y: r.hits, day: r.day }; }),
    showLine: false,
    pointRadius: 2,
    pointHoverRadius: 4,
    borderColor: "rgba(96, 125, 139, 0.55)",
    backgroundColor: "rgba(96, 125, 139, 0.35)",
    order: 2,
  };
  draw("chart-growth", {
    type: "line",
    data: {
      datasets: [cloud].concat(growth.map(function (line, i) {
        return {
          label: line.board + " " + line.no + ": " + cut(line.title, 45),
          data: line.points.map(function (p) { return { x: p.days, y: p.hits, day: p.day }; }),
          borderColor: colour(i),
          backgroundColor: colour(i),
          pointRadius: 2,
          borderWidth: 2,
          order: 1,
        };
      })),
    },
    options: {
      onClick: function (event, elements) {
        if (!elements.length || elements[0].datasetIndex !== 0) return;
        var url = readings[elements[0].index].url;
        if (/^https?:\/\//i.test(url || "")) window.open(url, "_blank", "noopener");
      },
      plugins: {
        legend: { position: "bottom" },
        tooltip: {
          callbacks: {
            title: function (items) {
              var item = items[0];
              var article = item.datasetIndex === 0
                ? readings[item.dataIndex] : growth[item.datasetIndex - 1];
              return article.title + " (posted " + article.published + ")";
            },
            label: function (item) {
              return "day " + item.raw.x + " (" + item.raw.day + "): " + item.raw.y + " hits";
            },
          },
        },
      },
      scales: {
        x: { type: "linear", title: { display: true, text: "days since posting" } },
        y: { beginAtZero: true, title: { display: true, text: "hits" } },
      },
    },
  });

  // Crawl health: requests per run coloured by status, problems as a line.
  var runs = report.runs;
  draw("chart-runs", {
    data: {
      labels: runs.map(function (r) { return "#" + r.id; }),
      datasets: [
        {
          type: "bar",
          label: "requests",
          data: runs.map(function (r) { return r.requests || 0; }),
          backgroundColor: runs.map(function (r) {
            return style.status[r.status] || style.other_status;
          }),
          yAxisID: "y",
          order: 2,
        },
        {
          type: "line",
          label: "problems",
          data: runs.map(function (r) { return r.problems; }),
          borderColor: "#37474f",
          backgroundColor: "#37474f",
          pointRadius: 2,
          borderWidth: 2,
          yAxisID: "problems",
          order: 1,
        },
      ],
    },
    options: {
      interaction: { mode: "index", intersect: false },
      plugins: {
        legend: { display: false }, // the page's own legend names the status colours
        tooltip: {
          callbacks: {
            afterBody: function (items) {
              var r = runs[items[0].dataIndex];
              var lines = [
                "status: " + r.status + (r.exit_code === null ? "" : " (exit " + r.exit_code + ")"),
                "board: " + (r.board || "—") + ", mode: " + (r.mode || "—"),
                "started: " + r.started_at,
              ];
              if (r.message) lines.push(cut(r.message, 90));
              return lines;
            },
          },
        },
      },
      scales: {
        y: { beginAtZero: true, title: { display: true, text: "requests" } },
        problems: {
          position: "right",
          beginAtZero: true,
          grid: { drawOnChartArea: false },
          title: { display: true, text: "problems" },
        },
      },
    },
  });

  // The self-check: a chart counts as drawn when Chart.js laid out at least one
  // element (bar, point) and its canvas holds painted (non-transparent) pixels.
  function check() {
    var drawn = 0;
    charts.forEach(function (chart) {
      var canvas = chart.canvas;
      var painted = 0;
      try {
        var pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
        for (var i = 3; i < pixels.length; i += 4) {
          if (pixels[i] !== 0) painted++;
        }
      } catch (error) {
        fail(canvas.id, error);
      }
      var elements = 0;
      chart.data.datasets.forEach(function (_, i) {
        elements += chart.getDatasetMeta(i).data.length;
      });
      canvas.setAttribute("data-painted-pixels", String(painted));
      canvas.setAttribute("data-elements", String(elements));
      if (painted > 0 && elements > 0) drawn++;
    });
    body.setAttribute("data-charts-drawn", String(drawn));
  }
  check();
  // Again once the layout has settled (a responsive chart redraws on resize).
  window.addEventListener("load", function () {
    window.requestAnimationFrame(check);
  });
})();
