package cn.civicloop.cases.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import cn.civicloop.cases.CaseQueries.Photo;

/** Serves a stored photo with its detected type; the browser may not guess another (nosniff). */
final class PhotoResponses {

    private PhotoResponses() {
    }

    static ResponseEntity<byte[]> of(Photo photo) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(photo.filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(photo.data());
    }
}
