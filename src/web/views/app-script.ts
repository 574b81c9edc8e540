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
        // A complaint's receipt code goes in a header: addresses end up in logs.
        if (input.getAttribute('data-receipt')) request.setRequestHeader('X-Receipt-Code', input.getAttribute('data-receipt'));
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
          // Evidence goes to the complaint as it uploads: there is no form to take it out of.
          if (input.getAttribute('data-receipt')) { list.appendChild(item); return upload(); }
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

  each('form[data-register-import]', function (form) {
    var input = form.querySelector('input[type=file]');
    var from = form.querySelector('input[name=from]');
    var progress = form.querySelector('.import-progress');
    var status = form.querySelector('.import-status');
    var problems = form.querySelector('.import-problems');
    form.addEventListener('submit', function (event) { event.preventDefault(); });
    function summary(result) {
      return '已导入 ' + result.rows + ' 行：新增 ' + result.people.created + ' 人，更新 ' + result.people.updated +
        ' 人，未变 ' + result.people.unchanged + ' 人；新建 ' + result.households.created + ' 户，更新 ' +
        result.households.updated + ' 户；身份开始 ' + result.roles.started + ' 项，结束 ' + result.roles.ended +
        ' 项；成员登记 ' + result.members.entered + ' 人，注销 ' + result.members.left + ' 人' +
        (result.notListed ? '；另有 ' + result.notListed + ' 人不在文件中，保持不变' : '') + '。' +
        (result.linesWithoutHousehold.length ? '第 ' + result.linesWithoutHousehold.slice(0, 10).join('、') +
          (result.linesWithoutHousehold.length > 10 ? ' 等 ' + result.linesWithoutHousehold.length : '') +
          ' 行没有填户号，这些人已导入，但不属于任何一户；如有遗漏，请补填户号后重新导入。' : '');
    }
    function showProblems(body) {
      problems.textContent = '';
      var heading = document.createElement('p');
      heading.textContent = body.message;
      problems.appendChild(heading);
      var rows = (body.details && body.details.problems) || [];
      var list = document.createElement('ul');
      rows.slice(0, 200).forEach(function (problem) {
        var item = document.createElement('li');
        item.textContent = '第 ' + problem.line + ' 行“' + problem.column + '”：' + problem.message;
        list.appendChild(item);
      });
      if (rows.length) problems.appendChild(list);
      if (rows.length > 200) {
        var more = document.createElement('p');
        more.textContent = '另有 ' + (rows.length - 200) + ' 处问题未列出。';
        problems.appendChild(more);
      }
      problems.hidden = false;
    }
    input.addEventListener('change', function () {
      var file = input.files[0];
      if (!file) return;
      problems.hidden = true;
      var request = new XMLHttpRequest();
      request.open('POST', form.getAttribute('action') + '?from=' + encodeURIComponent(from.value));
      request.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
      progress.hidden = false;
      progress.value = 0;
      status.textContent = '正在上传 ' + file.name + '…';
      request.upload.onprogress = function (event) {
        if (event.lengthComputable) progress.value = Math.round((event.loaded / event.total) * 100);
      };
      request.upload.onload = function () {
        progress.value = 100;
        status.textContent = '已上传，正在逐行核对 ' + file.name + '…';
      };
      request.onload = function () {
        input.value = '';
        progress.hidden = true;
        var body;
        try { body = JSON.parse(request.responseText); } catch (e) { body = { message: '导入失败，请稍后再试' }; }
        if (request.status === 200 || request.status === 201) {
          status.textContent = summary(body);
          var reload = document.createElement('a');
          reload.href = location.pathname;
          reload.textContent = '刷新名册';
          status.appendChild(document.createTextNode(' '));
          status.appendChild(reload);
        } else {
          status.textContent = '';
          showProblems(body);
        }
      };
      request.onerror = function () {
        progress.hidden = true;
        status.textContent = file.name + '：网络中断，请重试';
      };
      request.send(file);
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
  // The X-item editor re-checks as it is edited: the page's own answer to a check replaces the findings
  // and the chart in place, so the person keeps their place and focus.
  each('form[data-x-editor]', function (form) {
    var pending = null;
    function encoded() {
      var parts = [];
      Array.prototype.forEach.call(form.elements, function (element) {
        if (!element.name || element.disabled || element.tagName === 'BUTTON') return;
        if (element.type === 'checkbox' && !element.checked) return;
        parts.push(encodeURIComponent(element.name) + '=' + encodeURIComponent(element.value));
      });
      parts.push('op=check');
      return parts.join('&');
    }
    function replace(fresh, selector) {
      var now = document.querySelectorAll(selector);
      var next = fresh.querySelectorAll(selector);
      for (var i = 0; i < now.length && i < next.length; i++) now[i].innerHTML = next[i].innerHTML;
    }
    form.addEventListener('change', function (event) {
      if (event.target.name === 'addKind') return;
      if (pending) pending.abort();
      var request = (pending = new XMLHttpRequest());
      request.open('POST', form.getAttribute('action'));
      request.responseType = 'document';
      request.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded');
      request.onload = function () {
        pending = null;
        if (!request.response) return;
        ['#x-general', '.step-issues', '#x-end', '#x-verdict', '#x-preview'].forEach(function (selector) {
          replace(request.response, selector);
        });
      };
      request.send(encoded());
    });
  });
})();
`;
