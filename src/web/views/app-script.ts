/**
 * The pages' only script, and an optional one: without it every page still works (forms post, links
 * download). With it, files upload as they are chosen and downloads show their progress, both of
 * which matter on a slow village network. Plain ES5 and XMLHttpRequest, for old phones' browsers.
 */
export const APP_SCRIPT = `(function () {
  'use strict';
  function each(selector, callback) {
    Array.prototype.forEach.call(document.querySelectorAll(selector), callback);
  }
  function next(node, className) {
    while (node && !(node.classList && node.classList.contains(className))) node = node.nextElementSibling;
    return node;
  }
  function refusal(request) {
    try { return JSON.parse(request.responseText).message; } catch (e) { return '上传失败，请稍后再试'; }
  }
  function kilobytes(bytes) { return Math.max(1, Math.round(bytes / 1024)) + ' KB'; }

  each('input[type=file][data-upload]', function (input) {
    var progress = next(input, 'upload-progress') || input.nextElementSibling;
    var error = next(input, 'upload-error');
    var list = next(input, 'files');
    input.addEventListener('change', function () {
      var files = Array.prototype.slice.call(input.files);
      error.hidden = true;
      (function upload() {
        var file = files.shift();
        if (!file) { input.value = ''; progress.hidden = true; return; }
        var request = new XMLHttpRequest();
        request.open('POST', input.getAttribute('data-upload') + '?filename=' + encodeURIComponent(file.name));
        request.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
        progress.hidden = false;
        progress.value = 0;
        request.upload.onprogress = function (event) {
          if (event.lengthComputable) progress.value = Math.round((event.loaded / event.total) * 100);
        };
        request.onload = function () {
          if (request.status !== 201) {
            error.textContent = file.name + '：' + refusal(request);
            error.hidden = false;
            return upload();
          }
          var saved = JSON.parse(request.responseText);
          var item = document.createElement('li');
          item.textContent = saved.filename + '（' + kilobytes(saved.size) + '）';
          var hidden = document.createElement('input');
          hidden.type = 'hidden';
          hidden.name = input.getAttribute('data-field');
          hidden.value = saved.id;
          item.appendChild(hidden);
          var remove = document.createElement('button');
          remove.type = 'button';
          remove.className = 'link';
          remove.textContent = '移除';
          remove.setAttribute('aria-label', '移除 ' + saved.filename);
          remove.onclick = function () { list.removeChild(item); };
          item.appendChild(document.createTextNode(' '));
          item.appendChild(remove);
          list.appendChild(item);
          upload();
        };
        request.onerror = function () {
          error.textContent = file.name + '：网络中断，请重试';
          error.hidden = false;
          progress.hidden = true;
        };
        request.send(file);
      })();
    });
  });

  each('a[data-download]', function (link) {
    link.addEventListener('click', function (event) {
      if (!window.Blob || !window.URL || !URL.createObjectURL) return;
      event.preventDefault();
      var status = document.createElement('span');
      status.setAttribute('role', 'status');
      status.className = 'muted';
      status.textContent = ' 正在生成文件…';
      link.parentNode.insertBefore(status, link.nextSibling);
      var request = new XMLHttpRequest();
      request.open('GET', link.href);
      request.responseType = 'blob';
      request.onprogress = function (event) {
        status.textContent = event.lengthComputable
          ? ' 正在下载 ' + Math.round((event.loaded / event.total) * 100) + '%'
          : ' 正在下载 ' + kilobytes(event.loaded);
      };
      request.onload = function () {
        if (request.status !== 200) { status.textContent = ' 下载失败（' + request.status + '），请稍后再试'; return; }
        var name = /filename\\*=UTF-8''([^;]+)/.exec(request.getResponseHeader('Content-Disposition') || '');
        var save = document.createElement('a');
        save.href = URL.createObjectURL(request.response);
        save.download = name ? decodeURIComponent(name[1]) : '';
        document.body.appendChild(save);
        save.click();
        document.body.removeChild(save);
        status.textContent = ' 已下载';
      };
      request.onerror = function () { status.textContent = ' 网络中断，请重试'; };
      request.send();
    });
  });
})();
`;
