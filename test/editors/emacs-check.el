;;; emacs-check.el --- Emacs (eglot + flymake) as an LSP client of fazhi-lint  -*- lexical-binding: t -*-

;; Usage: emacs --batch -l test/editors/emacs-check.el FILE
;; (no -Q: Debian's elpa-eglot is put on the load path by site-start).
;; FILE is a copy of a seed report named like the seed
;; (test/fixtures/corpus/<seed>.txt).  The server (`node $FAZHI_SERVER
;; --stdio', default dist/server.cjs) is registered for text-mode through
;; `eglot-server-programs', eglot connects, flymake is started and
;; `flymake-diagnostics' is polled until the diagnostics arrive (bounded).
;; Every expected.jsonl entry of that file with a "line" and a "match" must be
;; covered by a diagnostic of that rule.  Emacs columns are characters and the
;; server speaks UTF-16, so the match's column is computed here with Emacs
;; string functions and must agree with where eglot put the diagnostic.

(require 'cl-lib)
(require 'json)
(require 'eglot)
(require 'flymake)

(defconst fazhi-check-root
  (expand-file-name "../.." (file-name-directory (or load-file-name buffer-file-name))))

(defconst fazhi-check-server
  (or (getenv "FAZHI_SERVER") (expand-file-name "dist/server.cjs" fazhi-check-root)))

(defconst fazhi-check-expected
  (or (getenv "FAZHI_EXPECTED")
      (expand-file-name "test/fixtures/corpus/expected.jsonl" fazhi-check-root)))

(defconst fazhi-check-timeout
  (string-to-number (or (getenv "FAZHI_EMACS_TIMEOUT") "30"))
  "Seconds to wait for the connection and for the diagnostics.")

(defun fazhi-check-say (fmt &rest args)
  (princ (concat (apply #'format fmt args) "\n")))

(defun fazhi-check-finish (passed failures)
  (fazhi-check-say "%d passed, %d failed" passed failures)
  (kill-emacs (if (zerop failures) 0 1)))

(defun fazhi-check-expectations (file-name)
  "Expectations (rule line match) of FILE-NAME that name a line and a match."
  (with-temp-buffer
    (insert-file-contents fazhi-check-expected)
    (cl-loop for raw in (split-string (buffer-string) "\n" t "[ \t\r]+")
             for e = (json-parse-string raw :object-type 'alist)
             when (and (equal (alist-get 'file e) file-name)
                       (alist-get 'line e) (alist-get 'match e))
             collect (list (alist-get 'rule e) (alist-get 'line e) (alist-get 'match e)))))

(defun fazhi-check-rule (diag)
  "The rule id of DIAG, from the LSP diagnostic eglot keeps in the flymake data."
  (plist-get (alist-get 'eglot-lsp-diag (flymake-diagnostic-data diag)) :code))

(defun fazhi-check-signature ()
  "The current buffer's diagnostics as sorted \"rule beg-end message\" strings."
  (sort (mapcar (lambda (d) (format "%s %d-%d %s" (fazhi-check-rule d) (flymake-diagnostic-beg d)
                                    (flymake-diagnostic-end d) (flymake-diagnostic-text d)))
                (flymake-diagnostics))
        #'string<))

(defun fazhi-check-wait-for-diagnostics (&optional old)
  "Poll flymake until there are diagnostics other than OLD (a signature) and they
stop changing for half a second, or time out.  Returns the diagnostics."
  (let ((deadline (+ (float-time) fazhi-check-timeout))
        (last nil) (stable 0) (tick 0))
    (while (and (< (float-time) deadline) (< stable 5))
      (accept-process-output nil 0.1)
      (setq tick (1+ tick))
      (let ((sig (fazhi-check-signature)))
        ;; No post-command-hook in batch: (re)start flymake now and then so
        ;; eglot's backend hands over what the server published.
        (when (and (or (null sig) (equal sig old)) (zerop (% tick 10))) (flymake-start))
        (if (and sig (not (equal sig old)) (equal sig last)) (setq stable (1+ stable)) (setq stable 0))
        (setq last sig)))
    (flymake-diagnostics)))

(defun fazhi-check-edit-round-trip (file)
  "Edit the buffer (eglot sends incremental didChange with UTF-16 ranges Emacs
computed), wait for the new diagnostics, then open a copy of the edited text as
a new file: both must have the same diagnostics.  Returns nil or a failure text."
  (let ((before (fazhi-check-signature))
        (copy (expand-file-name (concat "edited-" (file-name-nondirectory file))
                                (file-name-directory file)))
        edited fresh)
    ;; Bottom-up so the line numbers stay those of the original: a line split,
    ;; an insertion and a deletion in the middle of Chinese lines.
    (pcase-dolist (`(,line . ,edit) '((7 . split) (5 . insert) (3 . delete)))
      (goto-char (point-min))
      (forward-line (1- line))
      (let ((mid (+ (point) (/ (- (line-end-position) (point)) 2))))
        (pcase edit
          ('split (goto-char mid) (insert "\n"))
          ('insert (goto-char mid) (insert "测试文字"))
          ('delete (delete-region (+ (point) 2) (min (+ (point) 5) (line-end-position)))))))
    ;; eglot sends didChange from an idle timer, and batch Emacs is never idle.
    (eglot--signal-textDocument/didChange)
    (fazhi-check-wait-for-diagnostics before)
    (setq edited (fazhi-check-signature))
    (write-region nil nil copy nil 'silent)
    (with-current-buffer (find-file copy)
      (unless (eglot-managed-p) (eglot--maybe-activate-editing-mode))
      (flymake-start)
      (fazhi-check-wait-for-diagnostics)
      (setq fresh (fazhi-check-signature)))
    (cond ((equal edited before) "the diagnostics did not change after the edits")
          ((not (equal edited fresh))
           (format "after the edits %d diagnostics, the same text opened afresh %d; first difference: %s"
                   (length edited) (length fresh)
                   (or (car (cl-set-difference edited fresh :test #'equal))
                       (car (cl-set-difference fresh edited :test #'equal))))))))

(defun fazhi-check-covers-p (diag rule line-beg bs be)
  "Whether DIAG of RULE covers characters BS..BE of the line starting at LINE-BEG."
  (and (equal (fazhi-check-rule diag) rule)
       (let ((ds (- (flymake-diagnostic-beg diag) line-beg))
             (de (- (flymake-diagnostic-end diag) line-beg)))
         (and (<= ds be) (>= de bs)))))

(defun fazhi-check-exact-p (diag rule match line-beg bs be)
  "For pinyin-residue the annotation itself, \"(zhèn)\", must be the exact range:
this is what proves the UTF-16 → character conversion."
  (or (not (equal rule "pinyin-residue"))
      (let ((paren (string-search "(" match)))
        (and paren
             (= (flymake-diagnostic-beg diag) (+ line-beg bs paren))
             (= (flymake-diagnostic-end diag) (+ line-beg be))))))

(defun fazhi-check-run ()
  (let* ((file (expand-file-name (or (car command-line-args-left)
                                     (error "usage: emacs --batch -l emacs-check.el FILE"))))
         (expectations (fazhi-check-expectations (file-name-nondirectory file)))
         (failures 0) (passed 0))
    (setq command-line-args-left nil)
    (setq eglot-server-programs
          (cons `((text-mode markdown-mode) "node" ,fazhi-check-server "--stdio")
                eglot-server-programs))
    ;; The plist form docs/lsp.md recommends (eglot 1.9 and Emacs 29's eglot both take it).
    (setq-default eglot-workspace-configuration '(:fazhiLint (:debounce 0)))
    (setq eglot-sync-connect fazhi-check-timeout
          eglot-connect-timeout fazhi-check-timeout
          eglot-autoshutdown t)
    (find-file file)
    (text-mode)
    ;; eglot-ensure waits for post-command-hook, which batch Emacs never runs.
    (condition-case err
        (apply #'eglot--connect (eglot--guess-contact))
      (error (fazhi-check-say "eglot: %s" (error-message-string err))))
    (unless (eglot-managed-p)
      (fazhi-check-say "FAIL eglot did not connect to %s" fazhi-check-server)
      (fazhi-check-finish 0 (length expectations)))
    (flymake-mode 1)
    (flymake-start)
    (let* ((started (float-time))
           (diags (fazhi-check-wait-for-diagnostics))
           (by-rule (make-hash-table :test #'equal))
           names)
      (when (null diags)
        (fazhi-check-say "FAIL no diagnostics within %s s" fazhi-check-timeout)
        (fazhi-check-finish 0 (length expectations)))
      (dolist (d diags)
        (puthash (fazhi-check-rule d) (1+ (gethash (fazhi-check-rule d) by-rule 0)) by-rule))
      (maphash (lambda (k n) (push (format "%s=%d" k n) names)) by-rule)
      (fazhi-check-say "diagnostics: %d after %.1f s (%s)" (length diags)
                       (- (float-time) started)
                       (mapconcat #'identity (sort names #'string<) ", "))
      (when (getenv "FAZHI_EMACS_DUMP")   ; every diagnostic: rule line:col-line:col (1-based lines)
        (dolist (d diags)
          (let ((b (flymake-diagnostic-beg d)) (e (flymake-diagnostic-end d)))
            (fazhi-check-say "diag %s %d:%d-%d:%d" (fazhi-check-rule d)
                             ;; Characters from the line start (current-column counts CJK as 2).
                             (line-number-at-pos b) (- b (save-excursion (goto-char b) (line-beginning-position)))
                             (line-number-at-pos e) (- e (save-excursion (goto-char e) (line-beginning-position)))))))
      (dolist (d diags)
        ;; The rule id also reaches the user in the message: "source [code]: text".
        (unless (string-match-p (regexp-quote (format "[%s]" (fazhi-check-rule d)))
                                (flymake-diagnostic-text d))
          (cl-incf failures)
          (fazhi-check-say "FAIL message without its rule id: %s" (flymake-diagnostic-text d))))
      (pcase-dolist (`(,rule ,line ,match) expectations)
        (save-excursion
          (goto-char (point-min))
          (forward-line (1- line))
          (let* ((line-beg (line-beginning-position))
                 (text (buffer-substring-no-properties line-beg (line-end-position)))
                 (bs (string-search match text))
                 (be (and bs (+ bs (length match))))
                 ;; The narrowest covering diagnostic, so the report shows the precise one.
                 (hit (and bs
                           (car (sort (cl-remove-if-not
                                       (lambda (d)
                                         (and (fazhi-check-covers-p d rule line-beg bs be)
                                              (fazhi-check-exact-p d rule match line-beg bs be)))
                                       (flymake-diagnostics line-beg (line-end-position)))
                                      (lambda (a b)
                                        (< (- (flymake-diagnostic-end a) (flymake-diagnostic-beg a))
                                           (- (flymake-diagnostic-end b) (flymake-diagnostic-beg b)))))))))
            (if hit
                (progn
                  (cl-incf passed)
                  (fazhi-check-say "ok   %s line %d chars %d-%d (match \"%s\" at chars %d-%d)"
                                   rule line (- (flymake-diagnostic-beg hit) line-beg)
                                   (- (flymake-diagnostic-end hit) line-beg) match bs be))
              (cl-incf failures)
              (fazhi-check-say "FAIL %s line %d \"%s\": %s" rule line match
                               (if bs "no diagnostic of that rule at the match's character columns"
                                 "match not found on that line"))))))
      (let ((problem (fazhi-check-edit-round-trip file)))
        (if problem
            (progn (cl-incf failures) (fazhi-check-say "FAIL edit round trip: %s" problem))
          (cl-incf passed)
          (fazhi-check-say "ok   edit round trip: after 3 edits in Emacs, same %d diagnostics as the edited text opened afresh"
                           (length (flymake-diagnostics)))))
      (ignore-errors (eglot-shutdown (eglot-current-server)))
      (fazhi-check-finish passed failures))))

(fazhi-check-run)

;;; emacs-check.el ends here
